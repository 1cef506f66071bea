import { constants, crc32, deflateRawSync } from 'node:zlib';
import { buildPdf } from './build-pdf.ts';
import { writeZip, type RawZipEntry } from './write-zip.ts';

const MEGABYTE = 1024 * 1024;
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/**
 * A damaged PDF: `garbage` has a PDF header and then noise (no objects, no xref); `truncated` is a real
 * PDF cut after its first 200 bytes.
 */
export async function corruptPdf(kind: 'garbage' | 'truncated' = 'garbage'): Promise<Buffer> {
  if (kind === 'truncated') {
    const whole = await buildPdf({ blocks: [{ text: 'Cut short' }] });
    return whole.subarray(0, 200);
  }
  const noise = Buffer.alloc(4096);
  let seed = 7;
  for (let i = 0; i < noise.length; i += 1) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = seed >> 16;
  }
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    noise,
    Buffer.from('\n%%EOF\n'),
  ]);
}

/**
 * A DOCX whose `word/document.xml` inflates to `megabytes` MB of zeros, built without ever holding them:
 * `declared` states the true size (the central directory gives the bomb away); `lying` declares 1,000
 * bytes, so only counting while inflating stops it. Either way the whole archive is about 1 KB per MB.
 */
export function zipBomb(kind: 'declared' | 'lying', megabytes = 1024): Buffer {
  const bomb = zeroDeflateStream(megabytes);
  const types = Buffer.from(CONTENT_TYPES);
  const entries: RawZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: types,
      deflated: false,
      crc: crc32(types),
      declaredSize: types.length,
    },
    {
      name: 'word/document.xml',
      data: bomb,
      deflated: true,
      crc: 0, // never checked: the archive must be refused long before the end
      declaredSize: kind === 'declared' ? Math.min(megabytes * MEGABYTE, 0xffffffff) : 1000,
    },
  ];
  return writeZip(entries);
}

/**
 * A raw deflate stream of `megabytes` MB of zeros: one megabyte deflated up to a full flush (byte-aligned,
 * history reset) repeated, then an empty final block.
 */
function zeroDeflateStream(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MEGABYTE), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const finalBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), finalBlock]);
}
