import { readMapiProperties } from './read-mapi-properties.ts';

/** One file found in a TNEF stream: its name as Outlook gave it (untrusted) and its bytes (a view, not a copy). */
export interface TnefFile {
  filename: string | null;
  contentType: string | null;
  content: Buffer;
}

/**
 * What a TNEF stream (`winmail.dat`) holds: its attached files. Its body is not read: Outlook sends the text beside
 * it as the message's own text/plain part.
 */
export interface TnefContents {
  files: TnefFile[];
}

const SIGNATURE = 0x223e9f78;
const LEVEL_MESSAGE = 1;
const LEVEL_ATTACHMENT = 2;
// Attribute ids (the low 16 bits; the high 16 are the type).
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_ATTACHMENT = 0x9005;
// MAPI property ids.
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_MIME_TAG = 0x370e;
const PR_ATTACH_DATA_OBJ = 0x3701;
const HEADER_BYTES = 6;
const ATTRIBUTE_OVERHEAD = 11;

/**
 * Reads a TNEF stream (MS-OXTNEF) written by Outlook and Exchange: every attachment's name, type and bytes. Linear in the input and allocation-free beyond it: every length is checked against the bytes that remain
 * before anything is read, and contents are views of `data`. Throws on a stream that is not TNEF or is truncated.
 * No library on npm reads TNEF well (see README, "Containers").
 */
export function readTnef(data: Buffer): TnefContents {
  if (data.length < HEADER_BYTES || data.readUInt32LE(0) !== SIGNATURE) throw new Error('not a TNEF stream');
  const files: TnefFile[] = [];
  let current: TnefFile | null = null;
  let offset = HEADER_BYTES;
  // A few stray bytes after the last attribute (Exchange pads some streams) are not an attribute.
  while (data.length - offset >= ATTRIBUTE_OVERHEAD) {
    const level = data.readUInt8(offset);
    const id = data.readUInt16LE(offset + 1);
    const length = data.readUInt32LE(offset + 5);
    const start = offset + 9;
    if (length > data.length - start - 2) {
      throw new Error(`attribute at byte ${offset} claims ${length} bytes, more than the stream holds`);
    }
    const value = data.subarray(start, start + length);
    offset = start + length + 2;
    if (level === LEVEL_ATTACHMENT) {
      if (id === ATT_ATTACH_REND_DATA || current === null) {
        current = { filename: null, contentType: null, content: Buffer.alloc(0) };
        files.push(current);
      }
      applyAttachmentAttribute(current, id, value);
    } else if (level !== LEVEL_MESSAGE) {
      throw new Error(`unknown attribute level ${level} at byte ${offset}`);
    }
  }
  return { files: files.filter((file) => file.content.length > 0 || file.filename !== null) };
}

function applyAttachmentAttribute(file: TnefFile, id: number, value: Buffer): void {
  switch (id) {
    case ATT_ATTACH_TITLE:
      file.filename ??= nonEmpty(latin1(value));
      return;
    case ATT_ATTACH_DATA:
      file.content = value;
      return;
    case ATT_ATTACHMENT:
      for (const property of readMapiProperties(value)) {
        if (property.id === PR_ATTACH_LONG_FILENAME && typeof property.value === 'string') {
          file.filename = nonEmpty(property.value) ?? file.filename;
        } else if (property.id === PR_ATTACH_MIME_TAG && typeof property.value === 'string') {
          file.contentType = nonEmpty(property.value.toLowerCase());
        } else if (property.id === PR_ATTACH_DATA_OBJ && Buffer.isBuffer(property.value)) {
          file.content = property.value;
        }
      }
      return;
  }
}

function latin1(value: Buffer): string {
  return value.toString('latin1').replace(/\0+$/, '');
}

function nonEmpty(value: string): string | null {
  const trimmed = value.replace(/\0/g, '').trim();
  return trimmed === '' ? null : trimmed;
}
