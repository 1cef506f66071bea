import { HEADER_TEXT_MAX, headerText } from './header-text.ts';
import { looksLikeLink } from './looks-like-link.ts';

// Past the bound, only as much is checked as a link cut off at it could take (a long subject stays cheap).
const CHECKED_PAST_MAX = 100;
// At least this share of a subject's visible characters are letters or digits; the rest is punctuation and symbols.
const MIN_WORD_SHARE = 0.5;

/**
 * The subject of a sender's mail as we may echo it (`Re: …`): cleaned and bounded (headerText, `max`), and only
 * when it looks like a subject — no links, addresses or domains, and mostly letters and digits; '' otherwise. Pure.
 */
export function echoSubject(subject: string, max = HEADER_TEXT_MAX): string {
  const clean = headerText(subject, max + CHECKED_PAST_MAX);
  if (clean === '' || looksLikeLink(clean)) return '';
  const visible = clean.replace(/\s/gu, '');
  const words = visible.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
  if (words.length < visible.length * MIN_WORD_SHARE) return '';
  return headerText(clean, max);
}
