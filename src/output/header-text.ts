import { stripUnsafeCharacters } from '../domain/strip-unsafe-characters.ts';
import { shortenText } from './shorten-text.ts';

/** The most characters of mail-derived text in a header we write (a subject; nodemailer encodes and folds it). */
export const HEADER_TEXT_MAX = 200;

/**
 * Text taken from mail, fit for a header we write (a subject, a display name): NFC, no control, bidi,
 * zero-width or other format character, whitespace folded to single spaces, trimmed, and at most `max`
 * characters (cut at a word or grapheme boundary with `…`). Pure.
 */
export function headerText(text: string, max = HEADER_TEXT_MAX): string {
  const clean = stripUnsafeCharacters(text, ' ').normalize('NFC').replace(/\s+/gu, ' ').trim();
  return shortenText(clean, max);
}
