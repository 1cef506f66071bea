/** One zip entry as it is to be written: its bytes (already deflated when `deflated`) and what is declared. */
export interface RawZipEntry {
  name: string;
  data: Buffer;
  deflated: boolean;
  crc: number;
  /** The uncompressed size written into both headers — true or not. */
  declaredSize: number;
}

/**
 * Writes a zip archive from raw entries, declaring whatever sizes it is told: what hostile fixtures need
 * (fflate and the docx package only write honest archives).
 */
export function writeZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeCommon(local, 6, entry);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeCommon(central, 8, entry);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Flags, method, time, date, CRC and sizes: the run of fields both headers share. */
function writeCommon(header: Buffer, at: number, entry: RawZipEntry): void {
  header.writeUInt16LE(0, at);
  header.writeUInt16LE(entry.deflated ? 8 : 0, at + 2);
  header.writeUInt16LE(0, at + 4);
  header.writeUInt16LE(0x21, at + 6);
  header.writeUInt32LE(entry.crc >>> 0, at + 8);
  header.writeUInt32LE(entry.data.length, at + 12);
  header.writeUInt32LE(entry.declaredSize, at + 16);
}
