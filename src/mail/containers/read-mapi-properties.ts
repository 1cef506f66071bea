/** One MAPI property of a TNEF attribute: its id, and its first value (a string, bytes, or null for others). */
export interface MapiProperty {
  id: number;
  value: string | Buffer | null;
}

const MULTI_VALUE = 0x1000;
const NAMED_FROM = 0x8000;
const TYPE_STRING8 = 0x001e;
const TYPE_UNICODE = 0x001f;
const TYPE_BINARY = 0x0102;
const TYPE_OBJECT = 0x000d;
const GUID_BYTES = 16;
// Bytes each fixed-size type takes (MS-OXTNEF 2.1.3.4); a type not here is not read (the stream is damaged).
const FIXED_BYTES: Readonly<Record<number, number>> = {
  0x0002: 4,
  0x0003: 4,
  0x0004: 4,
  0x0005: 8,
  0x0006: 8,
  0x0007: 8,
  0x000a: 4,
  0x000b: 4,
  0x0014: 8,
  0x0040: 8,
  0x0048: 16,
};

/**
 * Reads the MAPI properties encoded in a TNEF attribute (attMsgProps, attAttachment). Every count and length is
 * checked against the bytes that remain before it is used; values are views of `data`. Throws on damage.
 */
export function readMapiProperties(data: Buffer): MapiProperty[] {
  const reader = new Cursor(data);
  const count = reader.uint32();
  // Each property takes at least 8 bytes: a count beyond that is a lie, refused before the loop.
  if (count > data.length / 8) throw new Error(`${count} MAPI properties cannot fit in ${data.length} bytes`);
  const properties: MapiProperty[] = [];
  for (let index = 0; index < count; index += 1) {
    const type = reader.uint16();
    const id = reader.uint16();
    if (id >= NAMED_FROM) skipName(reader);
    const values = readValues(reader, type);
    properties.push({ id, value: values[0] ?? null });
  }
  return properties;
}

function skipName(reader: Cursor): void {
  reader.skip(GUID_BYTES);
  const kind = reader.uint32();
  if (kind === 0) reader.skip(4);
  else reader.skip(padded(reader.uint32()));
}

function readValues(reader: Cursor, type: number): (string | Buffer | null)[] {
  const base = type & ~MULTI_VALUE;
  const variable =
    base === TYPE_STRING8 || base === TYPE_UNICODE || base === TYPE_BINARY || base === TYPE_OBJECT;
  const count = (type & MULTI_VALUE) !== 0 || variable ? reader.uint32() : 1;
  if (count > reader.remaining() / 4) throw new Error(`${count} MAPI values cannot fit`);
  const values: (string | Buffer | null)[] = [];
  for (let index = 0; index < count; index += 1) {
    if (variable) {
      const length = reader.uint32();
      const bytes = reader.take(length);
      // The last value's padding is sometimes left out.
      reader.skip(Math.min(padded(length) - length, reader.remaining()));
      values.push(decode(base, bytes));
    } else {
      const size = FIXED_BYTES[base];
      if (size === undefined) throw new Error(`unknown MAPI property type 0x${base.toString(16)}`);
      reader.skip(size);
      values.push(null);
    }
  }
  return values;
}

function decode(type: number, bytes: Buffer): string | Buffer {
  if (type === TYPE_STRING8) return bytes.toString('latin1').replace(/\0+$/, '');
  if (type === TYPE_UNICODE) return bytes.toString('utf16le').replace(/\0+$/, '');
  // An object starts with the interface id it implements (an embedded message's is IID_IMessage).
  if (type === TYPE_OBJECT) return bytes.subarray(Math.min(GUID_BYTES, bytes.length));
  return bytes;
}

function padded(length: number): number {
  return Math.ceil(length / 4) * 4;
}

/** Reads little-endian fields from a buffer, refusing to pass its end. */
class Cursor {
  readonly #data: Buffer;
  #offset = 0;

  constructor(data: Buffer) {
    this.#data = data;
  }

  remaining(): number {
    return this.#data.length - this.#offset;
  }

  uint16(): number {
    this.#need(2);
    const value = this.#data.readUInt16LE(this.#offset);
    this.#offset += 2;
    return value;
  }

  uint32(): number {
    this.#need(4);
    const value = this.#data.readUInt32LE(this.#offset);
    this.#offset += 4;
    return value;
  }

  take(length: number): Buffer {
    this.#need(length);
    const bytes = this.#data.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return bytes;
  }

  skip(length: number): void {
    this.#need(length);
    this.#offset += length;
  }

  #need(length: number): void {
    if (length > this.remaining()) throw new Error('MAPI properties are truncated');
  }
}
