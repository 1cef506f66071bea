import { collapseLetterSpacing, foldText, normaliseText } from './normalise-text.ts';
import { headerKind } from './find-sections.ts';

const NAME_LABEL =
  /^\s*(?:(?:full\s+)?name|nome(?:\s+e\s+cognome)?|nom(?:\s+et\s+prénom)?|nombre|vor-?\s*und\s+nachname|姓名)\s*:\s*(.+)$/iu;
const SEGMENT_BREAK = /\s*(?:[|·•,;\t]|\s{2,}|\s[–—-]\s)\s*/u;
const PARTICLES = new Set(
  'van von de da di del della der den le la du dos das bin binti ibn al el y ten ter zu af'.split(' '),
);
// Words that make a capitalised line a heading, a title or an address rather than a person's name.
const NOT_IN_NAME = new Set(
  `curriculum vitae resume cv lebenslauf europass profile personal information details data daten persönliche
  contact statement letter cover proposal research application university universitat universita universite
  institute college school department faculty street road avenue lane drive strasse str via rue platz page
  phd msc bsc master bachelor doctoral candidate student engineer researcher scientist developer intern
  machine learning deep artificial intelligence computer science data medical imaging vision summary objective
  education experience skills publications projects references awards languages interests transcript records
  certificate academic dear sir madam to whom it may concern abstract introduction chapter thesis report
  score grade marks examination the and of for in with`
    .split(/\s+/)
    .map(foldText),
);
// A line of Han characters that is a heading, not a name ("个人简历", "教育背景").
const HAN_HEADING = /简历|履历|信息|背景|经历|技能|证书|成绩|大学|学院|论文|意向|情况|奖/u;
const HEAD_LINES = 15;
const LABEL_LINES = 40;

const isNameWord = (word: string): boolean =>
  /^\p{Lu}[\p{L}'’-]*\.?$/u.test(word) && (!word.endsWith('.') || word.length <= 2);
const isInitial = (word: string): boolean => /^\p{Lu}\.$/u.test(word);

/** Whether a segment looks like a personal name: 2–4 capitalised words (particles and initials aside). */
export function isPersonName(segment: string): boolean {
  const text = segment.trim();
  if (/^\p{Script=Han}{2,4}$/u.test(text)) return !HAN_HEADING.test(text);
  const words = text.split(/\s+/);
  const core = words.filter((word) => !PARTICLES.has(word) && !isInitial(word));
  if (core.length < 2 || core.length > 4 || words.length > 6) return false;
  if (PARTICLES.has(words[0] ?? '') || !isNameWord(words.at(-1) ?? '') || isInitial(words.at(-1) ?? '')) {
    return false;
  }
  if (!words.every((word) => isNameWord(word) || PARTICLES.has(word))) return false;
  return !words.some((word) => NOT_IN_NAME.has(foldText(word.replace(/[.'’]/g, ''))));
}

/** The name in a "Name: Jane Doe" / "姓名：李伟" line among the first lines, or null. */
function labelledName(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, LABEL_LINES)) {
    const value = NAME_LABEL.exec(line)?.[1];
    const first = value?.split(SEGMENT_BREAK)[0]?.trim();
    if (first !== undefined && isPersonName(first)) return first;
  }
  return null;
}

/** Name-like segments of the first lines, in order: "JANE DOE", "J A N E  D O E", "Jane Doe | jane@…". */
function headingNames(lines: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of lines.filter((text) => text.trim() !== '').slice(0, HEAD_LINES)) {
    if (headerKind(line) !== null) continue;
    for (const segment of collapseLetterSpacing(line).split(SEGMENT_BREAK)) {
      if (isPersonName(segment)) names.push(segment.trim().replace(/\s+/g, ' '));
    }
  }
  return names;
}

/**
 * The applicant's name as a CV gives it: a "Name:" line, else the first heading-like line that looks like a
 * personal name (preferring one that matches `hint`, the sender's display name); null when none.
 */
export function extractName(text: string, hint = ''): string | null {
  const lines = normaliseText(text).split('\n');
  const labelled = labelledName(lines);
  if (labelled !== null) return labelled;
  const names = headingNames(lines);
  return names.find((name) => hint !== '' && namesMatch(name, hint) === 'match') ?? names[0] ?? null;
}

export type NameMatch = 'match' | 'mismatch' | 'unknown';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
// Titles, degrees and suffixes are no part of the comparison.
const IGNORED = new Set(
  'mr mrs ms miss dr prof professor sir dame phd msc bsc ma ba jr sr ii iii iv herr frau dott dottssa mme mlle'.split(
    ' ',
  ),
);

/** The folded name tokens of two letters or more (initials and titles left out). */
export function nameTokens(name: string): string[] {
  return foldText(name)
    .split(/[^\p{L}]+/u)
    .filter((token) => token.length >= 2 && !IGNORED.has(token));
}

/**
 * The folded surname of a name: the part before a comma ("Carter, Michael J."), else the one ALL-CAPS word
 * ("DUBOIS Camille"), else the last word; null when the name has no usable word.
 */
export function surnameOf(name: string): string | null {
  const beforeComma = name.includes(',') ? nameTokens(name.slice(0, name.indexOf(','))).at(-1) : undefined;
  if (beforeComma !== undefined) return beforeComma;
  const words = name.split(/\s+/).filter((word) => nameTokens(word).length > 0);
  const capitals = words.filter((word) => /^\p{Lu}[\p{Lu}'’-]+$/u.test(word));
  if (capitals.length === 1 && capitals.length < words.length)
    return nameTokens(capitals[0] ?? '').at(-1) ?? null;
  return nameTokens(name).at(-1) ?? null;
}

/** Han names: the same name, or the same surname (the first character). */
function hanNamesMatch(a: string, b: string): NameMatch {
  const x = a.replace(/[^\p{Script=Han}]/gu, '');
  const y = b.replace(/[^\p{Script=Han}]/gu, '');
  if (x === '' || y === '') return 'unknown';
  return x === y || x[0] === y[0] ? 'match' : 'mismatch';
}

/**
 * Whether two names are the same person's, as far as names tell: 'match' when one's surname is a word of the
 * other (after folding case and accents; middle names, initials and "Surname, Given" order tolerated),
 * 'mismatch' when both are full names that share no surname, 'unknown' when either is empty or a single
 * word that is not the other's surname, or when they are in different scripts (李伟 vs Li Wei).
 */
export function namesMatch(a: string, b: string): NameMatch {
  const hanA = HAN.test(a);
  const hanB = HAN.test(b);
  if (hanA && hanB) return hanNamesMatch(a, b);
  if (hanA !== hanB && (LATIN.test(a) || LATIN.test(b))) return 'unknown';
  const tokensA = nameTokens(a);
  const tokensB = nameTokens(b);
  if (tokensA.length === 0 || tokensB.length === 0) return 'unknown';
  const surnameA = surnameOf(a);
  const surnameB = surnameOf(b);
  if (tokensA.length === 1 || tokensB.length === 1) {
    const single = tokensA.length === 1 ? tokensA[0] : tokensB[0];
    return single === surnameA && single === surnameB ? 'match' : 'unknown';
  }
  const shared =
    (surnameA !== null && tokensB.includes(surnameA)) || (surnameB !== null && tokensA.includes(surnameB));
  return shared ? 'match' : 'mismatch';
}
