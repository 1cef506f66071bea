import { foldText, normaliseText } from '../../profile/normalise-text.ts';

/** A word of a text: folded, reduced to its stem, its span in the text, and the sentence it sits in. */
export interface Token {
  folded: string;
  stem: string;
  start: number;
  end: number;
  sentence: number;
  /** Words joined by hyphens share one ("human-in-the-loop"): a compound counts as one word of a run. */
  compound: number;
}

/** A text an open call is looked for in (subject or body), normalised, with its words and its significant words. */
export interface Source {
  place: 'subject' | 'body';
  text: string;
  tokens: Token[];
  significant: Token[];
}

const MAX_QUOTE = 120;
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and as at by for from in into of on or the to with within via using based toward towards ' +
    'its their our your this that these those e g eg i e ie'
  ).split(' '),
);
// Each Han character is a word of its own (no spaces in Chinese); other letters and digits run together.
const WORD = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** A subject or body made ready for matching: normalised, tokenized, its significant words picked out. */
export function toSource(place: Source['place'], raw: string): Source {
  const text = normaliseText(raw);
  const tokens = tokenize(text);
  return { place, text, tokens, significant: tokens.filter(isSignificant) };
}

/** Words with their spans; a break between two words (". X", "!", "?", ";", a blank line) starts a sentence. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let [sentence, compound, previousEnd] = [0, 0, 0];
  for (const match of text.matchAll(WORD)) {
    const gap = text.slice(previousEnd, match.index);
    if (/[!?;。！？；]|\n[^\S\n]*\n/u.test(gap) || (/\.\s/.test(gap) && !/^\p{Ll}/u.test(match[0])))
      sentence++;
    if (!/^[-‐‑]$/u.test(gap)) compound++;
    previousEnd = match.index + match[0].length;
    const folded = foldText(match[0]);
    tokens.push({ folded, stem: stem(folded), start: match.index, end: previousEnd, sentence, compound });
  }
  return tokens;
}

/** Light normalisation: "imaging"/"images" → "image", a plural "s" dropped ("workflows" → "workflow"). */
export function stem(word: string): string {
  if (/^imag(?:e|es|ing)$/.test(word)) return 'image';
  return word.length > 3 && /[^su]s$/.test(word) && !word.endsWith('is') ? word.slice(0, -1) : word;
}

/** Whether a word counts towards a run of a topic's words (it is not a stop word like "of" or "the"). */
export function isSignificant(token: Token): boolean {
  return !STOP_WORDS.has(token.folded);
}

/** A term compared case-, accent- and width-blind with spaces collapsed, for looking terms up. */
export function fold(term: string): string {
  return foldText(term.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

/** A quote on one line, cut to 120 characters with an ellipsis. */
export function cut(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}
