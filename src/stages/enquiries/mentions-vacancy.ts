import { ownText } from '../../mail/own-text.ts';
import { normaliseTag } from '../../domain/normalise-tag.ts';

/** The vacancy an untagged message clearly targets, with the text that shows it. */
export interface VacancyMention {
  vacancyId: string;
  /** What matched and where, quoting the message, e.g. `phrase in body: "robust and adaptive AI"`. */
  evidence: string;
}

type MatchKind = 'title' | 'tag' | 'phrase';
type Place = 'subject' | 'body';

/** A word of the message or title: lower-cased NFKC letters/digits, its span, and the sentence it sits in. */
interface Token {
  word: string;
  start: number;
  end: number;
  sentence: number;
}

interface Source {
  place: Place;
  text: string;
  tokens: Token[];
}

interface Found {
  vacancyId: string;
  kind: MatchKind;
  place: Place;
  quote: string;
  words: number;
  position: number;
  order: number;
}

/** How much of the body is read; what a person writes about their interest comes first. */
const BODY_LIMIT = 2000;
const MIN_PHRASE_WORDS = 3;
/** A shorter tag core (`AI`, `NLP`) is an ordinary word, not evidence. */
const MIN_TAG_CORE = 5;
const MAX_QUOTE = 120;
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and as at by for from in into of on or the to with within via ' +
    'phd ph d dphil phil doctoral doctorate position positions post vacancy studentship studentships ' +
    'scholarship project programme program student students candidate research fully funded'
  ).split(' '),
);
const WORD = /[\p{L}\p{N}]+/gu;
const COMPOUND = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*/gu;
/** Sentence punctuation followed by space, or a blank line: a phrase does not run across it. */
const SENTENCE_BREAK = /[.!?;]\s|\n[^\S\n]*\n/;
const KIND_RANK: Readonly<Record<MatchKind, number>> = { title: 0, tag: 1, phrase: 2 };

/**
 * The vacancy an untagged message clearly targets, or null: its title, a run of ≥ 3 significant title words,
 * or its tag's core (`robustAI`) as a whole token, in the subject or the first ~2,000 characters of own body text.
 */
export function mentionsVacancy(
  subject: string,
  text: string,
  vacancies: readonly { id: string; title: string; tag: string }[],
): VacancyMention | null {
  const sources = [
    toSource('subject', subject),
    toSource('body', ownText(text, { limit: BODY_LIMIT, stopAtSignature: true })),
  ];
  let best: Found | null = null;
  for (const [order, vacancy] of vacancies.entries()) {
    for (const source of sources) {
      const found = findMention(source, vacancy, order);
      if (found && (best === null || compare(found, best) < 0)) best = found;
    }
  }
  return best === null ? null : describe(best);
}

function findMention(
  source: Source,
  vacancy: { id: string; title: string; tag: string },
  order: number,
): Found | null {
  const titleWords = tokenize(vacancy.title.normalize('NFKC')).map((token) => token.word);
  const match =
    findTitle(source.tokens, titleWords) ??
    findTag(source.text, vacancy.tag) ??
    findPhrase(source.tokens, titleWords);
  if (match === null) return null;
  const quote = source.text.slice(match.start, match.end).replace(/\s+/g, ' ').trim();
  const { kind, words, start: position } = match;
  return { vacancyId: vacancy.id, kind, place: source.place, quote, words, position, order };
}

interface Span {
  kind: MatchKind;
  start: number;
  end: number;
  words: number;
}

/** The whole title as consecutive words within one sentence (case, spacing and punctuation aside). */
function findTitle(tokens: readonly Token[], titleWords: readonly string[]): Span | null {
  if (!titleWords.some(isSignificant)) return null;
  for (let first = 0; first + titleWords.length <= tokens.length; first++) {
    const run = tokens.slice(first, first + titleWords.length);
    const sentence = run[0]?.sentence;
    if (run.every((token, index) => token.word === titleWords[index] && token.sentence === sentence)) {
      return span('title', run, titleWords.filter(isSignificant).length);
    }
  }
  return null;
}

/** The tag itself (`PHD-robustAI`) or its core without the degree prefix (`robustAI`) as a whole token. */
function findTag(text: string, tag: string): Span | null {
  const full = normaliseTag(tag);
  const core = tagCore(tag);
  if (full === '') return null;
  for (const pattern of [COMPOUND, WORD]) {
    for (const match of text.matchAll(pattern)) {
      const word = normaliseTag(match[0]);
      if (word === full || (core.length >= MIN_TAG_CORE && word === core)) {
        return { kind: 'tag', start: match.index, end: match.index + match[0].length, words: 1 };
      }
    }
  }
  return null;
}

/** The longest run (≥ 3) of the title's significant words, in order, within one sentence of the message. */
function findPhrase(tokens: readonly Token[], titleWords: readonly string[]): Span | null {
  const wanted = titleWords.filter(isSignificant);
  const words = tokens.filter((token) => isSignificant(token.word));
  let best: Token[] = [];
  for (let first = 0; first < words.length; first++) {
    for (let offset = 0; offset < wanted.length; offset++) {
      let length = 0;
      while (
        words[first + length]?.word === wanted[offset + length] &&
        words[first + length]?.sentence === words[first]?.sentence
      ) {
        length++;
      }
      if (length > best.length) best = words.slice(first, first + length);
    }
  }
  return best.length >= MIN_PHRASE_WORDS ? span('phrase', best, best.length) : null;
}

function span(kind: MatchKind, run: readonly Token[], words: number): Span {
  return { kind, start: run[0]?.start ?? 0, end: run[run.length - 1]?.end ?? 0, words };
}

/** `PHD-robustAI` → `robustai`: the tag's segments without degree words, joined. */
function tagCore(tag: string): string {
  const segments = tag.normalize('NFKC').split(/[^\p{L}\p{N}]+/u);
  return normaliseTag(segments.filter((segment) => !STOP_WORDS.has(segment.toLowerCase())).join(''));
}

function toSource(place: Place, raw: string): Source {
  const text = raw.normalize('NFKC');
  return { place, text, tokens: tokenize(text) };
}

/** Words with their spans; a sentence break between two words starts a new sentence number. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    if (SENTENCE_BREAK.test(text.slice(previousEnd, match.index))) sentence++;
    previousEnd = match.index + match[0].length;
    tokens.push({ word: match[0].toLowerCase(), start: match.index, end: previousEnd, sentence });
  }
  return tokens;
}

function isSignificant(word: string): boolean {
  return !STOP_WORDS.has(word);
}

/** Title before tag before phrase; then subject first, more words, earlier, and the configured order. */
function compare(a: Found, b: Found): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (a.place === b.place ? 0 : a.place === 'subject' ? -1 : 1) ||
    b.words - a.words ||
    a.position - b.position ||
    a.order - b.order
  );
}

function describe(found: Found): VacancyMention {
  const quote = found.quote.length > MAX_QUOTE ? `${found.quote.slice(0, MAX_QUOTE - 1)}…` : found.quote;
  return { vacancyId: found.vacancyId, evidence: `${found.kind} in ${found.place}: "${quote}"` };
}
