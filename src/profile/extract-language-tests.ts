import { normaliseText } from './normalise-text.ts';
import type { LanguageTest, LanguageTestName } from './profile-types.ts';

interface TestSpec {
  test: LanguageTestName;
  cue: RegExp;
  valid: (score: number) => boolean;
}

const TESTS: readonly TestSpec[] = [
  {
    test: 'IELTS',
    cue: /\bIELTS(?:\s+(?:Academic|General(?:\s+Training)?|UKVI|Indicator))?\b/giu,
    valid: (score) => score >= 0 && score <= 9 && Number.isInteger(score * 2),
  },
  {
    // TOEFL ITP, PBT and Essentials use other scales.
    test: 'TOEFL',
    cue: /\bTOEFL(?:\s*iBT)?\b(?!\s*(?:ITP|PBT|Essentials))/giu,
    valid: (score) => Number.isInteger(score) && score >= 0 && score <= 120,
  },
  {
    test: 'PTE',
    cue: /\bPTE(?:\s+Academic)?\b/gu,
    valid: (score) => Number.isInteger(score) && score >= 10 && score <= 90,
  },
  {
    test: 'Duolingo',
    cue: /\bDuolingo(?:\s+English\s+Test)?\b/giu,
    valid: (score) => Number.isInteger(score) && score >= 10 && score <= 160,
  },
];

const NUMBER = /(?<![\d.,/])(\d{1,3}(?:\.\d)?)(?![\d/]|[.,]\d)/gu;
// A sub-score ("L8 R7.5", "Reading 29") is not the overall score.
const SUB_SCORE = /(?:\b[LRWS]|listening|reading|writing|speaking)\s*:?\s*$/iu;
const OVERALL = /\b(?:overall|total)(?:\s+band)?(?:\s+score)?\s*:?\s*/iu;
const WINDOW = 80;

/** The overall score written after a test's name on its line: after "overall"/"total", else the first number. */
function scoreAfter(window: string): { score: number; end: number } | null {
  const overall = OVERALL.exec(window);
  if (overall !== null) {
    const from = overall.index + overall[0].length;
    const match = /^(\d{1,3}(?:\.\d)?)(?![\d/]|[.,]\d)/u.exec(window.slice(from));
    if (match !== null) return { score: Number(match[1]), end: from + match[0].length };
  }
  for (const match of window.matchAll(NUMBER)) {
    if (SUB_SCORE.test(window.slice(0, match.index))) continue;
    return { score: Number(match[1]), end: match.index + match[0].length };
  }
  return null;
}

/** "IELTS Academic: 7.5 (L8 R7.5 W7 S7)", "TOEFL iBT 108", "PTE Academic 79", "Duolingo English Test 135". */
function testsInLines(text: string, spec: TestSpec): LanguageTest[] {
  const found: LanguageTest[] = [];
  for (const cue of text.matchAll(spec.cue)) {
    const start = cue.index + cue[0].length;
    const window = text.slice(start, start + WINDOW).split('\n')[0] ?? '';
    const score = scoreAfter(window);
    // An impossible score (TOEFL 550, IELTS 12) is refused, not clamped.
    if (score === null || !spec.valid(score.score)) continue;
    const written = text.slice(cue.index, start + score.end).replace(/\s+/g, ' ');
    found.push({ test: spec.test, score: score.score, written });
  }
  return found;
}

const TABLE_LABEL = /\b(?:listening|reading|writing|speaking|overall|total|cefr)\b/iu;
const TABLE_LABELS = new RegExp(TABLE_LABEL.source, 'giu');

/**
 * A score report's table: header cells naming Listening … Overall/Total (possibly wrapped over a few lines),
 * then the row of values: the first line below with three numbers or more.
 */
function testInTable(lines: readonly string[], spec: TestSpec): LanguageTest | null {
  // Linear in the text: each line looks at most 4 lines ahead, and the cue is looked for once.
  const cue = new RegExp(spec.cue.source, spec.cue.flags.replace('g', ''));
  const firstCue = lines.findIndex((line) => cue.test(line));
  if (firstCue < 0) return null;
  for (let index = firstCue + 1; index < lines.length; index += 1) {
    if (!TABLE_LABEL.test(lines[index] ?? '')) continue;
    const valuesAt = valuesLineAfter(lines, index);
    if (valuesAt < 0) continue;
    const header = lines.slice(index, valuesAt).join(' ');
    const labels = [...header.matchAll(TABLE_LABELS)].map((match) => match[0].toLowerCase());
    const column = labels.findIndex((label) => label === 'overall' || label === 'total');
    if (column < 0 || labels.length < 3) continue;
    const values = (lines[valuesAt] ?? '').trim().split(/\s+/);
    const score = Number(values[column]);
    if (spec.valid(score))
      return {
        test: spec.test,
        score,
        written: `${spec.test} ${labels[column] ?? ''} ${values[column] ?? ''}`,
      };
  }
  return null;
}

/** The first of the 4 lines after `index` with three numbers or more, or -1. */
function valuesLineAfter(lines: readonly string[], index: number): number {
  for (let at = index + 1; at <= index + 4 && at < lines.length; at += 1) {
    if (/(?:\d\S*\s+){2,}\d/u.test(lines[at] ?? '')) return at;
  }
  return -1;
}

/** The language tests a text states with an overall score in range, the first of each test, in test order. */
export function extractLanguageTests(text: string): LanguageTest[] {
  const normalised = normaliseText(text);
  const lines = normalised.split('\n');
  return TESTS.flatMap((spec) => {
    const first = testsInLines(normalised, spec)[0] ?? testInTable(lines, spec);
    return first === null ? [] : [first];
  });
}
