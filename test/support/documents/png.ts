import { crc32, deflateSync } from 'node:zlib';

/** A greyscale PNG of `width` × `height` pixels, each given by `shade(x, y)` (0 black … 255 white). */
export function greyPng(width: number, height: number, shade: (x: number, y: number) => number): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x += 1) rows[y * (width + 1) + 1 + x] = shade(x, y) & 0xff;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter variants, no interlace
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1 × 1 white PNG. */
export function tinyPng(): Buffer {
  return greyPng(1, 1, () => 255);
}

/** A page-sized grey "scan" with dark bars where lines of text would be. */
export function scanPng(): Buffer {
  return greyPng(300, 400, (x, y) => (y % 20 < 8 && x > 20 && x < 280 ? 40 : 235));
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
