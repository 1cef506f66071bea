// Damaged and hostile containers for tests, made from our own encoders: what a fuzzer or an attacker sends.
import { buildOutlookMsg, type OutlookItemSpec } from './build-outlook-msg.ts';
import { buildTnef } from './build-tnef.ts';

const SECTOR = 512;

/** A winmail.dat cut off in the middle of its first file. */
export function truncatedTnef(): Buffer {
  const whole = buildTnef([{ filename: 'CV.pdf', content: Buffer.alloc(4000, 0x41) }]);
  return whole.subarray(0, 2000);
}

/** A winmail.dat whose attachment properties claim about four billion values (as Apache POI's oom.tnef). */
export function tnefWithAbsurdCount(): Buffer {
  const whole = buildTnef([{ filename: 'CV.pdf', content: Buffer.from('%PDF-1.4') }]);
  // The attAttachment attribute is last: its data starts with the property count, then type and id, then the count
  // of values of the first property.
  const valuesAt = whole.length - 2 - lastAttributeLength(whole) + 8;
  whole.writeUInt32LE(0xfffffff0, valuesAt);
  return whole;
}

function lastAttributeLength(tnef: Buffer): number {
  let offset = 6;
  let length = 0;
  while (offset < tnef.length) {
    length = tnef.readUInt32LE(offset + 5);
    offset += 9 + length + 2;
  }
  return length;
}

/** An Outlook item whose directory's sector chain points back at itself: a reader that follows it never ends. */
export function outlookWithCycle(spec: OutlookItemSpec): Buffer {
  const item = buildOutlookMsg(spec);
  const directoryStart = item.readUInt32LE(0x30);
  const fatSector = item.readUInt32LE(0x4c);
  item.writeUInt32LE(directoryStart, (fatSector + 1) * SECTOR + 4 * directoryStart);
  return item;
}

/** An Outlook item whose attachment's data stream claims about two gigabytes. */
export function outlookWithAbsurdSize(spec: OutlookItemSpec): Buffer {
  const item = buildOutlookMsg(spec);
  const directory = (item.readUInt32LE(0x30) + 1) * SECTOR;
  const name = Buffer.from('__substg1.0_37010102', 'utf16le');
  for (let entry = directory; entry + 128 <= item.length; entry += 128) {
    if (item.subarray(entry, entry + name.length).equals(name)) item.writeUInt32LE(0x7ffffff0, entry + 0x78);
  }
  return item;
}
