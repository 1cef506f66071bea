import { normaliseTag } from '../../../domain/normalise-tag.ts';
import { foldConfusables, pipeAsLetter } from '../confusable-characters.ts';

/** Why a subject's tag is a near miss: one edit away, a stray suffix, its parts scattered, or no tag at all. */
export type NearMissReason = 'tag-mistyped' | 'tag-suffix' | 'tag-garbled' | 'tag-missing';

/** The vacancy a subject's tag probably meant, why, and the subject text that says so ('' for a missing tag). */
export interface NearMissTag {
  vacancyId: string;
  reason: NearMissReason;
  matched: string;
}

/** A stray suffix is at most this long (`2`, `-2026`, `_v2`). */
const MAX_SUFFIX = 4;
/** Words of a subject joined when looking for a tag typed with spaces in it. */
const MAX_WINDOW = 3;
/** Only the start of a subject is read: a hostile one is never scanned to its end. */
const SUBJECT_LIMIT = 300;
/** A tag part this long or longer names the vacancy by itself (`robustAI` in `PhD application robustAI`). */
const DISTINCT_PART = 4;

interface Word {
  key: string;
  start: number;
  end: number;
}

/**
 * The vacancy whose tag the subject nearly carries, for a subject in which matchVacancy found none: one edit
 * (insertion, deletion, substitution or swap of neighbours, look-alikes folded) from a tag, the tag with up to four
 * characters after it, or the tag's distinctive part among other words. Ties go to the earliest in the subject,
 * then to the configured order. Pure.
 */
export function findNearMissTag(
  subject: string,
  vacancies: readonly { id: string; tag: string }[],
): NearMissTag | null {
  const head = pipeAsLetter(subject.slice(0, SUBJECT_LIMIT));
  const words = wordsOf(head);
  for (const reason of ['tag-suffix', 'tag-mistyped', 'tag-garbled'] as const) {
    const found = vacancies
      .map((vacancy) => ({ vacancy, hit: findHit(words, vacancy.tag, reason) }))
      .filter((entry) => entry.hit !== null)
      .sort((a, b) => (a.hit?.start ?? 0) - (b.hit?.start ?? 0))[0];
    if (found?.hit) {
      // Shown as written, with the brackets around it when it has them: `[PHD-robustAI2]`.
      const bracketed = subject[found.hit.start - 1] === '[' && subject[found.hit.end] === ']';
      const [start, end] = bracketed
        ? [found.hit.start - 1, found.hit.end + 1]
        : [found.hit.start, found.hit.end];
      return { vacancyId: found.vacancy.id, reason, matched: subject.slice(start, end) };
    }
  }
  return null;
}

/** Words of letters and digits; a bracket, space or other punctuation ends one. */
function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu)].map((match) => ({
    key: foldConfusables(normaliseTag(match[0])),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function findHit(words: readonly Word[], tag: string, reason: NearMissReason): Word | null {
  const target = foldConfusables(normaliseTag(tag));
  if (target.length < 3) return null;
  if (reason === 'tag-garbled') {
    const part = distinctPart(tag);
    return part === null ? null : findWindow(words, (key) => key === part);
  }
  if (reason === 'tag-mistyped') return findWindow(words, (key) => withinOneEdit(key, target));
  return findWindow(words, (key) => key.startsWith(target) && key.length - target.length <= MAX_SUFFIX);
}

/** The first run of up to MAX_WINDOW neighbouring words whose joined keys pass `test`. */
function findWindow(words: readonly Word[], test: (key: string) => boolean): Word | null {
  for (let first = 0; first < words.length; first++) {
    let key = '';
    for (let last = first; last < Math.min(words.length, first + MAX_WINDOW); last++) {
      key += words[last]?.key ?? '';
      if (test(key)) return { key, start: words[first]?.start ?? 0, end: words[last]?.end ?? 0 };
    }
  }
  return null;
}

/**
 * The tag's longest part (`robustai` of `PHD-robustAI`), folded, when the tag has several parts and it is long
 * enough to name the vacancy by itself; else null.
 */
function distinctPart(tag: string): string | null {
  const parts = tag
    .split(/[^\p{L}\p{N}]+/u)
    .map((part) => foldConfusables(normaliseTag(part)))
    .filter((part) => part !== '');
  if (parts.length < 2) return null;
  const longest = parts.reduce((best, part) => (part.length > best.length ? part : best), '');
  return longest.length >= DISTINCT_PART ? longest : null;
}

/** Whether `a` becomes `b` by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
