import path from 'node:path';

const MAX_BYTES = 200;
// C0/C1 controls (CR, LF, NUL, TAB…) and the invisible direction marks that can disguise an extension.
const INVISIBLE = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const FORBIDDEN = /[<>:"|?*]/g;
const LEADING = /^[\s.]+/u;
const TRAILING = /[\s.]+$/u;
// Windows also treats the superscript digits as port numbers.
const RESERVED = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Makes an untrusted attachment name safe as one path component on Linux, macOS and Windows; `fallback` when nothing usable is left. */
export function sanitizeFilename(name: string | null, fallback = 'attachment'): string {
  if (name === null) return fallback;
  const visible = name.normalize('NFC').replace(INVISIBLE, '');
  const base =
    visible
      .split(/[/\\]/)
      .filter((part) => part !== '')
      .pop() ?? '';
  const cleaned = trimEnds(base.replace(FORBIDDEN, '_'));
  const short = trimEnds(truncateUtf8(cleaned, MAX_BYTES));
  if (short === '') return fallback;
  const stem = short.split('.')[0]?.trimEnd() ?? '';
  return RESERVED.test(stem) ? `_${short}` : short;
}

/** Joins a sanitized `name` onto `dir`; throws if the result would not be directly inside `dir`. */
export function resolveInside(dir: string, name: string): string {
  const safe = sanitizeFilename(name);
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
