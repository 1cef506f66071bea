import { stripUnsafeCharacters } from '../domain/strip-unsafe-characters.ts';
import { shortenText } from './shorten-text.ts';

/** The most characters of one mail-derived value in a body we write (a file name, a profile line). */
export const MAIL_TEXT_MAX = 500;

/** How `mailText` treats what it removes and how long the value may be. */
export interface MailTextOptions {
  /** What a control character or line break becomes: a space (names, default) or nothing (file names). */
  controls?: string;
  max?: number;
}

/**
 * A mail-derived value as one line of a reply, digest or alert body: no CR, LF, control, bidi, zero-width or
 * other format character, whitespace folded, trimmed, at most `max` characters (cut with `…`). Pure.
 */
export function mailText(text: string, options: MailTextOptions = {}): string {
  const clean = stripUnsafeCharacters(text, options.controls ?? ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return shortenText(clean, options.max ?? MAIL_TEXT_MAX);
}
