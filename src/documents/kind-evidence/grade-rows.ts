import { countModuleCodes } from '../../profile/count-modules.ts';

// A result or credit cell: 65, 3.7, 1,3, 28/30, 30L, pass; letter grades (A+, AB, P) only in capitals.
const GRADE_TOKEN =
  /^(?:\d{1,3}(?:[.,]\d{1,2})?%?|\d{1,2}(?:[.,]\d)?\/\d{1,3}|30L|pass(?:ed)?|bestanden|admis|superato|aprobado|distinction|merit)$/i;
const LETTER_GRADE = /^(?:[A-F][+-]?|[A-D]0|A[AB]|B[BC]|C[CD]|DD|[OSPU]|HT?)$/;
// A subject name: a word of three letters, or two CJK characters.
const SUBJECT = /\p{L}{3,}|\p{Script=Han}{2,}/u;
const CELL_SEPARATOR = /\s*\|\s*|\s+/;
// Longer lines are prose; a long line ending in a full stop is a sentence.
const MAX_ROW_LENGTH = 160;
const MAX_ROW_WORDS = 8;
/** Rows whose numbers are this large are money or ids, not marks or credits. */
const MAX_MARK = 200;

// A table of contents' dot leaders ("Introduction . . . . 5"): page numbers, not marks.
const DOT_LEADER = /(?:\. ?){3,}\s*\d+$|…\s*\d+$/;
// Prose: six or more lower-case words ("the reviewers agreed that the idea was good"); subjects are short.
const PROSE_WORD = /(?:^|\s)\p{Ll}{3,}(?=\s|$)/gu;
const MAX_PROSE_WORDS = 5;

/** Counts the lines that look like a row of a grade table: a subject with credits and marks side by side. */
export function countGradeRows(lines: readonly string[]): number {
  return gradeRows(lines).length;
}

/** The lines that look like a row of a grade table. */
export function gradeRows(lines: readonly string[]): string[] {
  return lines.filter(isGradeRow);
}

function isGradeRow(line: string): boolean {
  if (line.length > MAX_ROW_LENGTH || DOT_LEADER.test(line)) return false;
  if ((line.match(PROSE_WORD) ?? []).length > MAX_PROSE_WORDS) return false;
  const tokens = line
    .replace(/\b30 e lode\b/gi, '30L')
    .split(CELL_SEPARATOR)
    .filter((token) => token.length > 0);
  if (tokens.length > MAX_ROW_WORDS && line.endsWith('.')) return false;
  const run = longestRun(tokens);
  // Only cells: the rest of a row whose subject a PDF wrapped onto the lines above.
  if (run === tokens.length) return run >= 2;
  if (!SUBJECT.test(line)) return false;
  return run >= 2 || (run === 1 && countModuleCodes(line) > 0);
}

/** The longest run of consecutive result or credit cells (a date or term after them does not matter). */
function longestRun(tokens: readonly string[]): number {
  let longest = 0;
  let current = 0;
  for (const token of tokens) {
    current = isGradeToken(token) ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

function isGradeToken(token: string): boolean {
  if (LETTER_GRADE.test(token)) return true;
  if (!GRADE_TOKEN.test(token)) return false;
  const value = Number.parseFloat(token.replace(',', '.'));
  return Number.isNaN(value) || value <= MAX_MARK;
}
