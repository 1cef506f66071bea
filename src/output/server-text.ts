import { stripUnsafeCharacters } from '../domain/strip-unsafe-characters.ts';
import { shortenText } from './shorten-text.ts';

/** The most characters of a server's answer kept for a log, a record or an alert. */
export const SERVER_TEXT_MAX = 500;
// An address as servers quote it (`<jane@example.org>`, `jane@example.org`, `"Jane Doe"@example.org`), with the
// quoted display name before it if any (`"Jane Doe" <jane@…>` names the applicant too).
const ADDRESS =
  /(?:"[^"\r\n]{0,128}"\s*)?<?(?:"[^"\r\n]{0,128}"|[^\s<>()[\]\\,;:"@]{1,256})@[^\s<>()[\]\\,;:"@]{1,256}>?/gu;

/**
 * A server's error or refusal text (SMTP, IMAP) fit for logs, records and alerts: every e-mail address (and a
 * quoted display name before it) replaced by `<redacted>`, so no applicant's address reaches a log; one line
 * without control or invisible characters; at most 500 characters. Pure.
 */
export function serverText(text: string): string {
  const line = stripUnsafeCharacters(text, ' ').replace(/\s+/gu, ' ').trim();
  return shortenText(line.replace(ADDRESS, '<redacted>'), SERVER_TEXT_MAX);
}
