import { CLASS_GRADE_RULES } from './class-grade-rules.ts';
import { NUMERIC_GRADE_RULES, type GradeContext, type GradeRule } from './grade-rules.ts';
import { NATIONAL_GRADE_RULES } from './national-grade-rules.ts';
import { normaliseGrade } from './normalise-grade.ts';
import type { GradeResult } from './profile-types.ts';

/** One result found in a text, with where it stands. */
export interface GradeMatch {
  result: GradeResult;
  /** Offsets of `result.written` in the text. */
  index: number;
  end: number;
  /** The match names its system (a scale, "GPA", "Honours"…) rather than a bare class word or percentage. */
  explicit: boolean;
}

/**
 * Every plausible result written in `text`, in reading order, without overlaps (the earliest, then the
 * longest match wins). Impossible values (GPA 7/4, CGPA 11/10) are refused, never clamped.
 */
export function findGrades(text: string, context: GradeContext = {}): GradeMatch[] {
  const candidates: GradeMatch[] = [];
  for (const rule of [...NUMERIC_GRADE_RULES, ...NATIONAL_GRADE_RULES, ...CLASS_GRADE_RULES]) {
    if (rule.when !== undefined && context[rule.when] !== true) continue;
    const pattern = new RegExp(rule.pattern.source, rule.pattern.flags);
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const candidate = readMatch(rule, match, context);
      if (candidate !== null) candidates.push(candidate);
      // A refused match may hide a good one that starts inside it ("Total: 3140 / 4000  Percentage: 78.5%").
      else pattern.lastIndex = match.index + 1;
    }
  }
  candidates.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: GradeMatch[] = [];
  for (const candidate of candidates) {
    const previous = kept.at(-1);
    if (previous === undefined || candidate.index >= previous.end) kept.push(candidate);
  }
  return kept;
}

function readMatch(rule: GradeRule, match: RegExpExecArray, context: GradeContext): GradeMatch | null {
  const reading = rule.read(match, context);
  if (reading === null) return null;
  let written = match[0].replace(/[\s,;:–-]+$/u, '').trim();
  // "(Note 1,4)": a closing parenthesis whose opening one is outside the match is not part of it.
  if (written.endsWith(')') && count(written, '(') < count(written, ')'))
    written = written.slice(0, -1).trimEnd();
  const result = normaliseGrade(reading.system, reading.value, written, reading.cumLaude);
  if (result === null) return null;
  const index = match.index + match[0].indexOf(written);
  return { result, index, end: index + written.length, explicit: reading.explicit };
}

const count = (text: string, character: string): number => text.split(character).length - 1;

/** The first result written in `text` ("2:1", "GPA 3.8/4.0", "110/110 e lode"…), or null. */
export function parseGrade(written: string, context: GradeContext = {}): GradeResult | null {
  return findGrades(written, context)[0]?.result ?? null;
}

/** The result an entry states: the first explicit one, else the first one; null when none. */
export function pickGrade(matches: readonly GradeMatch[]): GradeResult | null {
  return (matches.find((match) => match.explicit) ?? matches[0])?.result ?? null;
}
