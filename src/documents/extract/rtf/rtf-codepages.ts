import iconv from 'iconv-lite';

/** Windows code pages of RTF font charsets (`\fcharsetN`). */
const CHARSET_CODEPAGES: Record<number, number> = {
  0: 1252,
  77: 10000,
  128: 932,
  129: 949,
  130: 1361,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
  254: 437,
};

/** The code page of a font charset, or null when unknown (the document's code page applies). */
export function charsetCodepage(charset: number): number | null {
  return CHARSET_CODEPAGES[charset] ?? null;
}

/** The iconv-lite encoding name of a Windows code page, falling back to windows-1252. */
export function codepageEncoding(codepage: number): string {
  if (codepage === 10000) return 'macintosh';
  if (codepage === 65001) return 'utf-8';
  const name = `cp${codepage}`;
  return iconv.encodingExists(name) ? name : 'cp1252';
}

/** Bytes in a code page as a string. */
export function decodeCodepage(bytes: Buffer, codepage: number): string {
  return iconv.decode(bytes, codepageEncoding(codepage));
}
