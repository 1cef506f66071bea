import { normaliseTag } from '../../domain/normalise-tag.ts';
import { foldConfusables, pipeAsLetter } from './confusable-characters.ts';

/** A vacancy recognised in a subject: `exact` when `[tag]` appears verbatim, else `variant`; `matched` is the subject text that matched. */
export interface VacancyMatch {
  vacancyId: string;
  kind: 'exact' | 'variant';
  matched: string;
  /** Set on a `variant` that matched only with look-alike characters folded (CONFUSABLE_SETS), e.g. `robustAl`. */
  confusable?: true;
}

/** One grapheme of the subject that carries letters or digits, with its comparable form and position. */
interface Unit {
  key: string;
  start: number;
  end: number;
  upper: boolean;
  lower: boolean;
  cjk: boolean;
  /** True when punctuation or space separates this unit from the previous one. */
  gap: boolean;
}

interface Candidate {
  match: VacancyMatch;
  position: number;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const BRACKETS: ReadonlyMap<string, string> = new Map([
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
  ['<', '>'],
  ['【', '】'],
  ['〔', '〕'],
  ['〖', '〗'],
  ['「', '」'],
  ['《', '》'],
  ['〈', '〉'],
]);

/** Finds the vacancy whose tag the subject carries: exact `[tag]` first, then tolerant token-boundary variants, earliest first. */
export function matchVacancy(
  subject: string,
  vacancies: readonly { id: string; tag: string }[],
): VacancyMatch | null {
  const units = toUnits(subject);
  const candidates: Candidate[] = [];
  for (const vacancy of vacancies) {
    const candidate = findExact(subject, vacancy) ?? findVariant(subject, units, vacancy);
    if (candidate) candidates.push(candidate);
  }
  if (candidates.length === 0) candidates.push(...findConfusable(subject, vacancies));
  candidates.sort(
    (a, b) => rank(a) - rank(b) || a.position - b.position || b.match.matched.length - a.match.matched.length,
  );
  return candidates[0]?.match ?? null;
}

function rank(candidate: Candidate): number {
  return candidate.match.kind === 'exact' ? 0 : 1;
}

/** Variants that match once look-alike characters are folded on both sides (`[PHD-robustAl]`, `[PHD-r0bustAI]`). */
function findConfusable(subject: string, vacancies: readonly { id: string; tag: string }[]): Candidate[] {
  const text = pipeAsLetter(subject);
  const units = toUnits(text).map((unit) => ({ ...unit, key: foldConfusables(unit.key) }));
  return vacancies.flatMap((vacancy) => {
    const found = findVariant(text, units, {
      id: vacancy.id,
      tag: foldConfusables(normaliseTag(vacancy.tag)),
    });
    if (!found) return [];
    const matched = subject.slice(found.position, found.position + found.match.matched.length);
    return [{ position: found.position, match: { ...found.match, matched, confusable: true as const } }];
  });
}

function findExact(subject: string, vacancy: { id: string; tag: string }): Candidate | null {
  const tag = vacancy.tag.trim();
  if (tag === '') return null;
  const bracketed = tag.startsWith('[') && tag.endsWith(']') ? tag : `[${tag}]`;
  const position = subject.indexOf(bracketed);
  if (position < 0) return null;
  return { match: { vacancyId: vacancy.id, kind: 'exact', matched: bracketed }, position };
}

function findVariant(
  subject: string,
  units: readonly Unit[],
  vacancy: { id: string; tag: string },
): Candidate | null {
  const target = normaliseTag(vacancy.tag);
  if (target === '') return null;
  for (let first = 0; first < units.length; first++) {
    if (!isBoundary(units, first)) continue;
    let joined = '';
    for (let last = first; last < units.length; last++) {
      joined += units[last]?.key ?? '';
      if (!target.startsWith(joined)) break;
      if (joined.length === target.length && isBoundary(units, last + 1)) {
        const [start, end] = widenToBrackets(subject, units[first]?.start ?? 0, units[last]?.end ?? 0);
        const matched = subject.slice(start, end);
        return { match: { vacancyId: vacancy.id, kind: 'variant', matched }, position: start };
      }
    }
  }
  return null;
}

/** Splits the subject into graphemes that carry letters or digits, folded with NFKC and lower case. */
function toUnits(subject: string): Unit[] {
  const units: Unit[] = [];
  let gap = true;
  for (const { segment, index } of GRAPHEMES.segment(subject)) {
    const folded = segment.normalize('NFKC');
    const key = folded.toLowerCase().replace(NOT_ALNUM, '');
    if (key === '') {
      gap = true;
      continue;
    }
    units.push({
      key,
      start: index,
      end: index + segment.length,
      upper: /^\p{Lu}/u.test(folded),
      lower: /^\p{Ll}/u.test(folded),
      cjk: CJK.test(folded),
      gap,
    });
    gap = false;
  }
  return units;
}

/** A token boundary lies before units[index]: at either end, after punctuation, at a script change, or a camel-case hump. */
function isBoundary(units: readonly Unit[], index: number): boolean {
  const previous = units[index - 1];
  const next = units[index];
  if (previous === undefined || next === undefined || next.gap) return true;
  if (previous.cjk !== next.cjk) return true;
  if (previous.lower && next.upper) return true;
  // "AIApplication": the last capital of a run starts the next word.
  const after = units[index + 1];
  return previous.upper && next.upper && after !== undefined && !after.gap && after.lower;
}

function widenToBrackets(subject: string, start: number, end: number): [number, number] {
  const open = subject[start - 1]?.normalize('NFKC');
  const close = subject[end]?.normalize('NFKC');
  if (open !== undefined && close !== undefined && BRACKETS.get(open) === close) return [start - 1, end + 1];
  return [start, end];
}
