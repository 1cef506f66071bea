// A TNEF writer for tests, after [MS-OXTNEF]: the stream Outlook sends as winmail.dat, with each file as an
// attachment (its 8.3 title, its data, and the MAPI properties for its long name and type).

/** A file to put into a TNEF stream. */
export interface TnefFileSpec {
  filename: string;
  content: Buffer;
  mimeType?: string;
}

const SIGNATURE = 0x223e9f78;
const LEVEL_MESSAGE = 1;
const LEVEL_ATTACHMENT = 2;
const TYPE_BYTE = 0x0006;
const TYPE_STRING = 0x0001;
const TYPE_DWORD = 0x0008;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;

/** Builds a TNEF stream holding `files`. */
export function buildTnef(files: readonly TnefFileSpec[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt32LE(SIGNATURE, 0);
  header.writeUInt16LE(0x0001, 4);
  const parts = [
    header,
    attribute(LEVEL_MESSAGE, 0x9006, TYPE_DWORD, dword(0x00010000)),
    attribute(LEVEL_MESSAGE, 0x8008, 0x0007, Buffer.from('IPM.Microsoft Mail.Note\0', 'latin1')),
  ];
  for (const file of files) {
    parts.push(
      attribute(LEVEL_ATTACHMENT, 0x9002, TYPE_BYTE, Buffer.alloc(14)),
      attribute(
        LEVEL_ATTACHMENT,
        0x8010,
        TYPE_STRING,
        Buffer.from(`${shortName(file.filename)}\0`, 'latin1'),
      ),
      attribute(LEVEL_ATTACHMENT, 0x800f, TYPE_BYTE, file.content),
      attribute(LEVEL_ATTACHMENT, 0x9005, TYPE_BYTE, mapiProperties(file)),
    );
  }
  return Buffer.concat(parts);
}

function attribute(level: number, name: number, type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt8(level, 0);
  head.writeUInt16LE(name, 1);
  head.writeUInt16LE(type, 3);
  head.writeUInt32LE(data.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(
    data.reduce((sum, byte) => (sum + byte) % 65536, 0),
    0,
  );
  return Buffer.concat([head, data, checksum]);
}

function mapiProperties(file: TnefFileSpec): Buffer {
  const properties = [stringProperty(PT_UNICODE, 0x3707, Buffer.from(`${file.filename}\0`, 'utf16le'))];
  if (file.mimeType !== undefined) {
    properties.push(stringProperty(PT_STRING8, 0x370e, Buffer.from(`${file.mimeType}\0`, 'latin1')));
  }
  return Buffer.concat([dword(properties.length), ...properties]);
}

function stringProperty(type: number, id: number, value: Buffer): Buffer {
  const tag = Buffer.alloc(4);
  tag.writeUInt16LE(type, 0);
  tag.writeUInt16LE(id, 2);
  const padding = Buffer.alloc((4 - (value.length % 4)) % 4);
  return Buffer.concat([tag, dword(1), dword(value.length), value, padding]);
}

function dword(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}

// What Outlook writes as attAttachTitle: an 8.3 name.
function shortName(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const stem = (dot > 0 ? filename.slice(0, dot) : filename).replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const extension = dot > 0 ? filename.slice(dot + 1, dot + 4).toUpperCase() : '';
  return `${stem.slice(0, 6)}~1${extension ? `.${extension}` : ''}`;
}
