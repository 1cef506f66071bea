import { stripUnsafeCharacters } from '../domain/strip-unsafe-characters.ts';
import { shortenText } from './shorten-text.ts';

/** The most characters of a server's answer kept for a log, a record or an alert. */
export const SERVER_TEXT_MAX = 500;
// An address as servers quote it (`<jane@example.org>`, `jane@example.org`, `"Jane Doe"@example.org`), with the
// quoted display name before it if any (`"Jane Doe" <jane@…>` names the applicant too).
const ADDRESS =
  /(?:"[^"\r\n]{0,128}"\s*)?<?(?:"[^"\r\n]{0,128}"|[^\s<>()[\]\\,;:"@]{1,256})@[^\s<>()[\]\\,;:"@]{1,256}>?/gu;

// Only this much of a server's text is read (the rest could not be kept anyway); the word cut there is dropped, so
// that no part of an address is left unredacted.
const READ_MAX = 4 * SERVER_TEXT_MAX;

/**
 * A server's error or refusal text (SMTP, IMAP) fit for logs, records and alerts: every e-mail address (and a
 * quoted display name before it) replaced by `<redacted>`, so no applicant's address reaches a log; one line
 * without control or invisible characters; at most 500 characters. Pure.
 */
export function serverText(text: string): string {
  const read = text.length > READ_MAX ? text.slice(0, READ_MAX).replace(/\S*$/u, '') : text;
  const line = stripUnsafeCharacters(read, ' ').replace(/\s+/gu, ' ').trim();
  return shortenText(line.replace(ADDRESS, '<redacted>'), SERVER_TEXT_MAX);
}
