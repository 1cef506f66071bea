import { constants, deflateRawSync } from 'node:zlib';

const MEGABYTE = 1024 * 1024;

/**
 * A PDF whose page content is `streams` FlateDecode streams, each inflating to `megabytes` MB of zeros (NUL is
 * white space to a PDF lexer, so every byte is decoded and kept): about 1 KB of file per MB inflated, so the
 * default 1 GB makes a ~1 MB attachment. Built without ever holding the inflated bytes.
 */
export function inflateBombPdf(megabytes = 1024, streams = 1): Buffer {
  const bomb = zlibZeros(megabytes);
  const contents = Array.from({ length: streams }, (_, index) => 4 + index);
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> /Contents [${contents
      .map((id) => `${id} 0 R`)
      .join(' ')}] >>`,
    ...contents.map(() => streamObject('/Filter /FlateDecode', bomb)),
  ]);
}

/**
 * A PDF of a few hundred bytes whose page draws form XObject 0, which draws form 1 `fanOut` times, and so on
 * `depth` levels down to a form that shows a letter: fanOut^depth letters for a reader that expands them all.
 */
export function nestedFormsPdf(depth = 8, fanOut = 10): Buffer {
  const first = 5; // objects 1-4: catalog, pages, page, font
  const forms = Array.from({ length: depth + 1 }, (_, level) => {
    const content =
      level === depth ? 'BT /F1 12 Tf 10 10 Td (A) Tj ET' : `/X${level + 1} Do `.repeat(fanOut).trim();
    const resources =
      level === depth ? '/Font << /F1 4 0 R >>' : `/XObject << /X${level + 1} ${first + level + 1} 0 R >>`;
    return streamObject(
      `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << ${resources} >>`,
      Buffer.from(content, 'latin1'),
    );
  });
  const page = Buffer.from('/X0 Do', 'latin1');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X0 ${first} 0 R >> >> /Contents ${
      first + forms.length
    } 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...forms,
    streamObject('', page),
  ]);
}

/** A zlib stream (FlateDecode's format) of `megabytes` MB of zeros: one deflated megabyte, flushed, repeated. */
function zlibZeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MEGABYTE), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const header = Buffer.from([0x78, 0xda]);
  // An empty final block, then an Adler-32 that is never reached: the reader must give up long before.
  const end = Buffer.from([0x03, 0x00, 0, 0, 0, 0]);
  return Buffer.concat([header, ...Array.from({ length: megabytes }, () => block), end]);
}

function streamObject(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** Numbers the objects from 1, and writes them with a cross-reference table and trailer. */
function writePdf(objects: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    const body = typeof object === 'string' ? Buffer.from(object, 'latin1') : object;
    const part = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push(offset);
    parts.push(part);
    offset += part.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
