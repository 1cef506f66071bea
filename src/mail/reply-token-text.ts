import { ownText } from './own-text.ts';
import type { ParsedMessage } from './parse-message.ts';

/** Only the start of a body is searched for a reply token: a forwarded acknowledgement begins near the top. */
const MAX_SCAN_CHARACTERS = 64 * 1024;
const BLOCKQUOTE = /<(\/?)blockquote\b[^<>]{0,1000}>/gi;

/**
 * The part of a message's body that may carry a reply token: the sender's own text (quoted `>` lines and what
 * follows "On … wrote:" left out), or, for an HTML-only message, its HTML outside `<blockquote>`; the first 64 KB
 * only. A person answering our acknowledgement quotes it — that is a follow-up, not our own mail coming back. Pure.
 */
export function replyTokenText(parsed: Pick<ParsedMessage, 'text' | 'html'>): string {
  if (parsed.text.trim() !== '') {
    return ownText(parsed.text, { limit: MAX_SCAN_CHARACTERS, stopAtSignature: false });
  }
  return outsideBlockquotes(parsed.html.slice(0, MAX_SCAN_CHARACTERS));
}

function outsideBlockquotes(html: string): string {
  const kept: string[] = [];
  let depth = 0;
  let from = 0;
  for (const match of html.matchAll(BLOCKQUOTE)) {
    if (depth === 0) kept.push(html.slice(from, match.index));
    depth = Math.max(0, depth + (match[1] === '/' ? -1 : 1));
    from = match.index + match[0].length;
  }
  if (depth === 0) kept.push(html.slice(from));
  return kept.join(' ');
}
