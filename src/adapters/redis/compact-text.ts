import { deflateRawSync, inflateRawSync } from 'node:zlib';

// Stored values that begin with this were deflated; JSON records begin with "{", so the two never meet.
const MARKER = 'z1:';
// Below this a value is kept as it is: deflate and base64 would save little or nothing.
const MIN_PACKED_CHARS = 512;
// Far above any record the daemon writes; a value that inflates past it is corrupt, not a record.
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * A JSON value as it is kept in Redis: deflated (base64, behind a marker) when that makes it shorter, else as is.
 * A candidate record's document readings and evidence repeat the same words, so deflate takes about two thirds off.
 */
export function packText(text: string): string {
  if (text.length < MIN_PACKED_CHARS) return text;
  const packed = MARKER + deflateRawSync(Buffer.from(text, 'utf8')).toString('base64');
  return packed.length < text.length ? packed : text;
}

/** The text of a value written by packText (or written before values were packed). */
export function unpackText(stored: string): string {
  if (!stored.startsWith(MARKER)) return stored;
  const bytes = Buffer.from(stored.slice(MARKER.length), 'base64');
  return inflateRawSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }).toString('utf8');
}
