import { ownText } from '../../mail/own-text.ts';
import { cut, fold, isSignificant, stem, tokenize, toSource, type Source, type Token } from './call-text.ts';

/** An open call's terms: its research topics (phrase and synonyms) and the programmes one applies through. */
export interface OpenCallTerms {
  id: string;
  topics: ReadonlyArray<{ phrase: string; synonyms: readonly string[] }>;
  programmes: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
}

/** One reason a message is about an open call: which configured term matched, where, and the words that did. */
export interface CallEvidence {
  what: 'topic' | 'programme';
  /** The configured topic phrase or programme name that matched. */
  name: string;
  place: 'subject' | 'body' | 'document';
  /** The words of the message (or, for a document, the term found in it) that matched, ≤ 120 chars. */
  quote: string;
}

/** The open call an enquiry is about, with the topics and programmes that matched and the evidence for each. */
export interface OpenCallMatch {
  callId: string;
  topics: string[];
  programmes: string[];
  evidence: CallEvidence[];
}

/** How much is read: the subject and what a person writes first about their interests. */
const BODY_LIMIT = 3000;
const SUBJECT_LIMIT = 1000;
const MIN_RUN = 3;

/**
 * The open call an enquiry is about, or null: the call with the most matched topics and programmes (ties: config
 * order), by topic phrases and synonyms in the subject, the body (own text, first ~3,000 chars) or the terms found in
 * the attached documents (`documentTerms`: the terms of `documentTermsOf` that a reader found in the documents), and
 * by programme names and aliases. Pure.
 */
export function matchOpenCall(
  subject: string,
  text: string,
  calls: readonly OpenCallTerms[],
  documentTerms: readonly string[] = [],
): OpenCallMatch | null {
  const sources = [
    toSource('subject', subject.slice(0, SUBJECT_LIMIT)),
    toSource('body', ownText(text, { limit: BODY_LIMIT, stopAtSignature: true })),
  ];
  const found = new Map(documentTerms.map((term) => [fold(term), term]));
  let best: OpenCallMatch | null = null;
  for (const call of calls) {
    const match = matchCall(call, sources, found);
    const score = match.topics.length + match.programmes.length;
    if (score > 0 && (best === null || score > best.topics.length + best.programmes.length)) best = match;
  }
  return best;
}

/**
 * The terms a document reader should look for (whole words, case-insensitive) so matchOpenCall can use documents:
 * each topic's synonyms and the phrase itself, and each programme's name and aliases, deduplicated. Pure.
 */
export function documentTermsOf(calls: readonly OpenCallTerms[]): string[] {
  const terms = new Map<string, string>();
  for (const call of calls) {
    const all = [
      ...call.topics.flatMap((topic) => [...topic.synonyms, topic.phrase]),
      ...call.programmes.flatMap((programme) => [programme.name, ...programme.aliases]),
    ];
    for (const term of all) {
      const key = fold(term);
      if (key !== '' && !terms.has(key)) terms.set(key, term.trim());
    }
  }
  return [...terms.values()];
}

/**
 * One line per piece of evidence for explain and logs, e.g.
 * `topic "agentic workflows for medical image analysis" in body: "agentic workflows for medical imaging"`. Pure.
 */
export function describeCallEvidence(evidence: readonly CallEvidence[]): string[] {
  return evidence.map((item) => `${item.what} "${item.name}" in ${item.place}: "${item.quote}"`);
}

function matchCall(
  call: OpenCallTerms,
  sources: readonly Source[],
  documentTerms: ReadonlyMap<string, string>,
): OpenCallMatch {
  const evidence: CallEvidence[] = [];
  for (const topic of call.topics) {
    const found =
      findTerm(sources, topic.synonyms, topic.phrase) ??
      inDocuments(documentTerms, [...topic.synonyms, topic.phrase]);
    if (found) evidence.push({ what: 'topic', name: topic.phrase, ...found });
  }
  for (const programme of call.programmes) {
    const names = [programme.name, ...programme.aliases];
    const found = findTerm(sources, names, null) ?? inDocuments(documentTerms, names);
    if (found) evidence.push({ what: 'programme', name: programme.name, ...found });
  }
  const named = (what: CallEvidence['what']) =>
    evidence.filter((item) => item.what === what).map((item) => item.name);
  return { callId: call.id, topics: named('topic'), programmes: named('programme'), evidence };
}

type Found = Pick<CallEvidence, 'place' | 'quote'>;
/** The first and last word of a match. */
type Span = readonly [Token, Token];

/**
 * The first place (subject, then body) where a term occurs as a whole phrase or, for a topic `phrase`, ≥ 3 of its
 * significant words in a row; of several matches there, the longest (joined with those it overlaps) is the evidence.
 */
function findTerm(
  sources: readonly Source[],
  phrases: readonly string[],
  topic: string | null,
): Found | null {
  for (const source of sources) {
    const spans = phrases.map((phrase) => findPhrase(source.tokens, tokenize(phrase)));
    if (topic !== null) spans.push(findTopic(source, topic));
    const found = spans.filter((span) => span !== null);
    const widest = joinOverlapping(found).sort((a, b) => b[1].end - b[0].start - (a[1].end - a[0].start))[0];
    if (widest) return quoteOf(source, widest);
  }
  return null;
}

/** Overlapping spans joined ("multimodal learning" + "learning for medical imaging"). */
function joinOverlapping(spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of [...spans].sort((a, b) => a[0].start - b[0].start)) {
    const last = joined[joined.length - 1];
    if (last && span[0].start <= last[1].end) {
      joined[joined.length - 1] = [last[0], span[1].end > last[1].end ? span[1] : last[1]];
    } else joined.push(span);
  }
  return joined;
}

/** ≥ 3 significant words of the topic phrase in a row, or the whole phrase when it has fewer. */
function findTopic(source: Source, topic: string): Span | null {
  const words = tokenize(topic);
  const wanted = words.filter(isSignificant);
  return countWords(wanted, 0, wanted.length) < MIN_RUN
    ? findPhrase(source.tokens, words)
    : findRun(source.significant, wanted);
}

function inDocuments(documentTerms: ReadonlyMap<string, string>, terms: readonly string[]): Found | null {
  for (const term of terms) {
    const found = documentTerms.get(fold(term));
    if (found !== undefined) return { place: 'document', quote: cut(found) };
  }
  return null;
}

/** The words of `phrase`, all of them, consecutive in one sentence. */
function findPhrase(tokens: readonly Token[], phrase: readonly Token[]): Span | null {
  if (phrase.length === 0) return null;
  for (let first = 0; first < tokens.length; first++) {
    const step = follow(tokens, first, phrase, 0, phrase.length);
    if (step.consumed === phrase.length) return step.span;
  }
  return null;
}

/** The longest run (≥ 3 words) of the topic's significant words, in order, among the text's significant words. */
function findRun(tokens: readonly Token[], wanted: readonly Token[]): Span | null {
  let best: { words: number; span: Span | null } = { words: 0, span: null };
  for (let first = 0; first < tokens.length; first++) {
    for (let offset = 0; offset < wanted.length; offset++) {
      const step = follow(tokens, first, wanted, offset, wanted.length);
      if (step.words > best.words) best = step;
    }
  }
  return best.words >= MIN_RUN ? best.span : null;
}

/**
 * How many of `wanted[offset…]` the tokens from `first` match in a row within one sentence (tokens, and words with
 * compounds counted once), and the span: a word equals a word, or two adjacent words equal one ("multi modal" ~
 * "multimodal", "D.Phil" ~ "DPhil").
 */
function follow(
  tokens: readonly Token[],
  first: number,
  wanted: readonly Token[],
  offset: number,
  limit: number,
): { consumed: number; words: number; span: Span | null } {
  const start = tokens[first];
  let [at, next, last] = [first, offset, start];
  while (start && next < limit) {
    const token = tokens[at];
    const after = tokens[at + 1];
    const want = wanted[next];
    const wantAfter = wanted[next + 1];
    if (!token || !want || token.sentence !== start.sentence) break;
    if (token.stem === want.stem) [at, next] = [at + 1, next + 1];
    else if (wantAfter && next + 1 < limit && token.stem === stem(want.folded + wantAfter.folded))
      [at, next] = [at + 1, next + 2];
    else if (after && after.sentence === start.sentence && stem(token.folded + after.folded) === want.stem)
      [at, next] = [at + 2, next + 1];
    else break;
    last = tokens[at - 1];
  }
  const consumed = next - offset;
  const span: Span | null = start && last && consumed > 0 ? [start, last] : null;
  return { consumed, words: countWords(wanted, offset, next), span };
}

/** The words among `tokens[from…to)`, a hyphenated compound counting once. */
function countWords(tokens: readonly Token[], from: number, to: number): number {
  let words = 0;
  for (let index = from; index < to; index++) {
    if (index === from || tokens[index]?.compound !== tokens[index - 1]?.compound) words++;
  }
  return words;
}

function quoteOf(source: Source, [first, last]: Span): Found {
  return { place: source.place, quote: cut(source.text.slice(first.start, last.end)) };
}
