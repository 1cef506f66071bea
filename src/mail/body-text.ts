import { convert } from 'html-to-text';
import type { ParsedMessage } from './parse-message.ts';

/** Only the start of an HTML-only body is converted: what a responder or an MTA says is near the top. */
const MAX_HTML_CHARACTERS = 64 * 1024;

/**
 * A message's body as plain text for classification: its text part, or for an HTML-only message (Outlook's
 * auto-replies, provider notices) the text of the first 64 KB of its HTML, links and images left out. Pure.
 */
export function bodyText(parsed: Pick<ParsedMessage, 'text' | 'html'>): string {
  if (parsed.text.trim() !== '' || parsed.html.trim() === '') return parsed.text;
  return convert(parsed.html.slice(0, MAX_HTML_CHARACTERS), {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
}
