import path from 'node:path';
import { stripUnsafeCharacters } from './strip-unsafe-characters.ts';

/** The most UTF-8 bytes of a sanitized attachment name (a record's `safeName`), leaving room for a suffix. */
export const SAFE_NAME_MAX_BYTES = 200;
/** The most UTF-8 bytes of one path component on the file systems we write to (NAME_MAX of ext4, APFS, NTFS). */
export const NAME_MAX_BYTES = 255;
const FORBIDDEN = /[<>:"|?*]/g;
const LEADING = /^[\s.]+/u;
const TRAILING = /[\s.]+$/u;
// Windows also treats the superscript digits as port numbers.
const RESERVED = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Makes an untrusted attachment name safe as one path component on Linux, macOS and Windows, at most `maxBytes` of
 * UTF-8 (cut on whole graphemes, the extension kept; controls, escapes and invisible characters such as the bidi
 * marks that can disguise an extension removed); `fallback` when nothing usable is left. Idempotent.
 */
export function sanitizeFilename(
  name: string | null,
  fallback = 'attachment',
  maxBytes = SAFE_NAME_MAX_BYTES,
): string {
  if (name === null) return fallback;
  // Composed after the invisible characters go, so that a second pass finds nothing left to change.
  const visible = stripUnsafeCharacters(name, '').normalize('NFC');
  const base =
    visible
      .split(/[/\\]/)
      .filter((part) => part !== '')
      .pop() ?? '';
  const cleaned = trimEnds(base.replace(FORBIDDEN, '_'));
  const short = trimEnds(truncateUtf8(cleaned, maxBytes));
  if (short === '') return fallback;
  const stem = short.split('.')[0]?.trimEnd() ?? '';
  return RESERVED.test(stem) ? `_${trimEnds(truncateUtf8(short, maxBytes - 1))}` : short;
}

/**
 * Joins `name`, sanitized to fit NAME_MAX_BYTES (a name already that short and safe is kept as it is), onto `dir`;
 * throws if the result would not be directly inside `dir`.
 */
export function resolveInside(dir: string, name: string): string {
  const safe = sanitizeFilename(name, 'attachment', NAME_MAX_BYTES);
  const root = path.resolve(dir);
  const target = path.resolve(root, safe);
  if (path.dirname(target) !== root || path.basename(target) !== safe) {
    throw new Error(`refusing attachment path outside ${root}`);
  }
  return path.join(dir, safe);
}

function trimEnds(name: string): string {
  return name.replace(LEADING, '').replace(TRAILING, '');
}

/** Cuts whole graphemes from the end of the stem until the name fits in `maxBytes` of UTF-8, keeping the extension. */
function truncateUtf8(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - extension.length);
  let budget = maxBytes - Buffer.byteLength(extension);
  let kept = '';
  for (const { segment } of GRAPHEMES.segment(stem)) {
    budget -= Buffer.byteLength(segment);
    if (budget < 0) break;
    kept += segment;
  }
  return kept.replace(TRAILING, '') + extension;
}
