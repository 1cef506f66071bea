import { ownText } from '../../../mail/own-text.ts';
import { foldText, normaliseText } from '../../../profile/normalise-text.ts';

/** A message that asks the supervisor something: the sentences that ask, and its first lines for the digest. */
export interface FoundQuestion {
  /** The asking sentences, one line each, at most three, each cut to 160 characters. */
  phrases: string[];
  /** The sender's first paragraph after the greeting, as one line of at most 200 characters. */
  firstLines: string;
}

/** Only the start of a body is read: a hostile one is never read to its end. */
const BODY_LIMIT = 3000;
const MAX_PHRASES = 3;
const MAX_PHRASE = 160;
const MAX_FIRST_LINES = 200;

// Folded text (lower case, no accents: "Könnten" → "konnten", "¿Sería" → "¿seria"), one sentence at a time.
const REQUESTS: readonly RegExp[] = [
  /\b(?:could|would|can|will) you (?:please |kindly )?(?:let me know|tell me|confirm|advise|clarify|inform|explain|send|share|check|consider)\b/,
  /\b(?:would|is|will) it be possible\b|\bis it possible\b|\bwould you mind\b/,
  /\b(?:i (?:would like|wanted|want|wish) to ask|may i ask|might i ask|i was wondering (?:if|whether|about)|i wonder (?:if|whether))\b/,
  /\bplease (?:let me know|advise|confirm|clarify|tell me) (?:if|whether|when|what|how|which|about)\b/,
  /\b(?:i would be grateful|i'd be grateful|i would appreciate it) if you could\b/,
  /\bkindly (?:let me know|confirm|advise|inform me)\b/,
  /\b(?:konnten|konnen|wurden) sie\b|\b(?:ware|ist) es moglich\b|\bich (?:mochte|wollte|wurde gerne) (?:sie )?fragen\b/,
  /\b(?:seria|es) posible\b|\bpodria(?:s|n)?\b|\bquisiera (?:saber|preguntar)\b|\bme gustaria saber\b/,
  /\bpourriez-vous\b|\b(?:serait|est)-il possible\b|\bje (?:voudrais|souhaiterais|souhaite) savoir\b/,
  /\bpotrebbe\b|\bsarebbe possibile\b|\bvorrei sapere\b/,
  /\bpoderia\b|\bseria possivel\b|\bgostaria de saber\b/,
  /请问|是否|能否|可否|可以吗|吗[？?]/,
];
/** Courtesies that look like requests but ask nothing ("Please let me know if you need anything else."). */
const COURTESY =
  /\b(?:if|should|in case) you (?:need|require|have|want|would like)\b|\b(?:do not|don't) hesitate\b|\bhow are you\b|\bhope (?:you are|you're|this (?:email|message|mail) finds)\b|\blook(?:ing)? forward\b/;
/** A greeting line: "Dear Dr Chen,", "Hello,", "Sehr geehrter Herr Chen,". */
const GREETING =
  /^(?:dear|hello|hi|good (?:morning|afternoon|evening)|sehr geehrte|liebe|lieber|hallo|estimad[oa]|hola|bonjour|cher|chere|gentile|egregi[oa]|prezad[oa]|caro|尊敬的|您好)\b.{0,60}$/;

/**
 * Whether the sender's own words (own-text: quotes and signature removed) ask the supervisor something: a sentence
 * ending in a question mark or opening with "¿", or a request ("would an April start be possible", "could you let
 * me know", "Könnten Sie", "¿Sería posible"), courtesies ("let me know if you need anything") aside. Null when
 * nothing is asked, as in a thank-you note or "please find attached". Pure.
 */
export function findQuestion(text: string): FoundQuestion | null {
  const own = normaliseText(ownText(text, { limit: BODY_LIMIT, stopAtSignature: true })).trim();
  const paragraphs = own
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  const first = paragraphs[0] ?? '';
  // "Dear Dr Chen," on a line of its own, or opening the first paragraph, is not what the sender asks.
  const greeting = first.split('\n')[0] ?? '';
  if (GREETING.test(foldText(greeting))) paragraphs[0] = first.slice(greeting.length).trim();
  const body = paragraphs.filter((paragraph) => paragraph !== '');
  const phrases = body.flatMap(sentencesOf).filter(asks).slice(0, MAX_PHRASES).map(cutTo(MAX_PHRASE));
  if (phrases.length === 0) return null;
  return { phrases, firstLines: cutTo(MAX_FIRST_LINES)(body[0] ?? '') };
}

function asks(sentence: string): boolean {
  const folded = foldText(sentence);
  if (COURTESY.test(folded)) return false;
  if (/[?？]\s*$/.test(folded) || folded.trimStart().startsWith('¿')) return true;
  return REQUESTS.some((pattern) => pattern.test(folded));
}

/** Sentences: ended by ".", "!", "?" (or their CJK forms) or a line break. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+|\n/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function cutTo(limit: number): (text: string) => string {
  return (text) => {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
  };
}
