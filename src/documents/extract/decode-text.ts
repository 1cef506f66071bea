import iconv from 'iconv-lite';

const SAMPLE_BYTES = 64 * 1024;

/**
 * Decodes bytes that should be text: a BOM decides (UTF-8, UTF-16), else UTF-8 when valid, else windows-1252;
 * a known `charset` is used when no BOM says otherwise. Null when the bytes are not text (NULs, control
 * characters).
 */
export function decodeText(content: Buffer, charset: string | null = null): string | null {
  const bomEncoding = byteOrderMark(content);
  if (bomEncoding !== null) return iconv.decode(content, bomEncoding);
  const utf16 = guessUtf16(content);
  if (utf16 !== null) return checked(iconv.decode(content, utf16));
  if (content.subarray(0, SAMPLE_BYTES).includes(0)) return null;
  if (charset !== null && iconv.encodingExists(charset)) return checked(iconv.decode(content, charset));
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(content));
  } catch {
    return checked(iconv.decode(content, 'windows-1252'));
  }
}

/** Whether the bytes look like text (see `decodeText`), without decoding all of them. */
export function looksLikeText(content: Buffer): boolean {
  if (content.length === 0) return false;
  const sample = content.subarray(0, SAMPLE_BYTES);
  if (byteOrderMark(sample) !== null || guessUtf16(sample) !== null) return true;
  if (sample.includes(0)) return false;
  return checked(iconv.decode(sample, 'windows-1252')) !== null;
}

function byteOrderMark(content: Buffer): string | null {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return 'utf-8';
  if (content[0] === 0xff && content[1] === 0xfe) return 'utf-16le';
  if (content[0] === 0xfe && content[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: Latin text has a NUL in every other byte. */
function guessUtf16(content: Buffer): string | null {
  const sample = content.subarray(0, Math.min(content.length, 4096) & ~1);
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.4 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.4 && oddZeros < half * 0.05) return 'utf-16be';
  return null;
}

/** The text, or null when too many of its first characters are control characters (binary data). */
function checked(text: string): string | null {
  const sample = text.slice(0, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) {
      control += 1;
    }
  }
  return control > Math.max(2, sample.length * 0.01) ? null : text;
}
