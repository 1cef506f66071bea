import { headerText } from './header-text.ts';
import { looksLikeLink } from './looks-like-link.ts';

/** The longest name echoed back to a sender (greeting, To display name). */
export const ECHO_NAME_MAX = 64;
const MAX_WORDS = 8;
// Letters and marks of any script, joined by an apostrophe, a hyphen, a full stop or a middle dot.
const WORD = /^[\p{L}\p{M}]+(?:['’.\-‐·・][\p{L}\p{M}]*)*$/u;
// Lower-case words that belong in names (`Ludwig van Beethoven`, `Maria de la Cruz`); any other lower-case word
// makes the text a phrase (`Win a prize`), not a name.
const PARTICLES = new Set(
  'van von de da di del della der den des le la las los du dos das bin binti ibn al el y e zu af ter ten'.split(
    ' ',
  ),
);

/**
 * The sender's name as we may echo it (greeting, To display name): cleaned (headerText) and only when it looks like
 * a person's name — at most 64 characters and 8 words of letters (any script; `'` `-` `.` inside), no digits,
 * links, addresses or domains, each word capitalised or uncased (CJK) unless a particle; '' otherwise. Pure.
 */
export function echoName(name: string): string {
  const clean = headerText(name, Infinity).replace(/,$/u, '');
  if (clean === '' || clean.length > ECHO_NAME_MAX || looksLikeLink(clean)) return '';
  const words = clean.split(' ');
  if (words.length > MAX_WORDS) return '';
  if (!words.every((word) => WORD.test(word.replace(/,$/u, '')))) return '';
  const [first = '', ...rest] = words;
  const capitalised = (word: string) => !/^\p{Ll}/u.test(word);
  return capitalised(first) && rest.every((word) => capitalised(word) || PARTICLES.has(word)) ? clean : '';
}
