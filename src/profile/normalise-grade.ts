import {
  CGPA_10_TABLE,
  ECTS_MARKS,
  FRENCH_20_TABLE,
  GERMAN_TABLE,
  GPA_4_TABLE,
  ITALIAN_110_LODE,
  ITALIAN_110_TABLE,
  ITALIAN_30_LODE,
  ITALIAN_30_TABLE,
  PERCENT_TABLE,
  UK_CLASS_MARKS,
  interpolate,
  type ConversionTable,
} from './grade-tables.ts';
import {
  BRAZILIAN_10_TABLE,
  CHINESE_PERCENT_TABLE,
  DUTCH_10_TABLE,
  IRANIAN_20_TABLE,
  KOREAN_45_TABLE,
  NIGERIAN_5_TABLE,
  PAKISTANI_4_TABLE,
  SPANISH_10_TABLE,
  TURKISH_100_TABLE,
  TURKISH_4_TABLE,
} from './national-grade-tables.ts';
import type { GradeBand, GradeResult, GradingSystem } from './profile-types.ts';

/** The UK band of a 0–100 UK-equivalent mark. */
export function gradeBand(normalised: number): GradeBand {
  if (normalised >= 70) return 'first';
  if (normalised >= 60) return 'upper-second';
  if (normalised >= 50) return 'lower-second';
  if (normalised >= 40) return 'third';
  return 'fail';
}

const NUMERIC_TABLES: Partial<Record<GradingSystem, { table: ConversionTable; scale: number }>> = {
  'gpa-4': { table: GPA_4_TABLE, scale: 1 },
  'gpa-4.3': { table: GPA_4_TABLE, scale: 4 / 4.3 },
  'gpa-5': { table: GPA_4_TABLE, scale: 4 / 5 },
  'cgpa-10': { table: CGPA_10_TABLE, scale: 1 },
  'italian-110': { table: ITALIAN_110_TABLE, scale: 1 },
  'italian-30': { table: ITALIAN_30_TABLE, scale: 1 },
  'french-20': { table: FRENCH_20_TABLE, scale: 1 },
  german: { table: GERMAN_TABLE, scale: 1 },
  percent: { table: PERCENT_TABLE, scale: 1 },
  'spanish-10': { table: SPANISH_10_TABLE, scale: 1 },
  'dutch-10': { table: DUTCH_10_TABLE, scale: 1 },
  'brazilian-10': { table: BRAZILIAN_10_TABLE, scale: 1 },
  'iranian-20': { table: IRANIAN_20_TABLE, scale: 1 },
  'turkish-4': { table: TURKISH_4_TABLE, scale: 1 },
  'turkish-100': { table: TURKISH_100_TABLE, scale: 1 },
  'pakistani-4': { table: PAKISTANI_4_TABLE, scale: 1 },
  'nigerian-5': { table: NIGERIAN_5_TABLE, scale: 1 },
  'korean-4.5': { table: KOREAN_45_TABLE, scale: 1 },
  'chinese-percent': { table: CHINESE_PERCENT_TABLE, scale: 1 },
};

/**
 * The mark for a value of a system: a number for numeric systems (for 'uk-class', a UK mark of 0–100, taken as it
 * is), a `UkClass` key for a class named in words, an ECTS
 * letter for 'ects'. `cumLaude` (lode) is only possible at 110/110 and 30/30. Null when impossible.
 */
function markFor(system: GradingSystem, value: number | string, cumLaude: boolean): number | null {
  // A UK percentage mark is already on the UK scale.
  if (system === 'uk-class') {
    if (typeof value === 'string') return lookup(UK_CLASS_MARKS, value);
    return value >= 0 && value <= 100 ? value : null;
  }
  if (system === 'ects') return typeof value === 'string' ? lookup(ECTS_MARKS, value.toUpperCase()) : null;
  if (typeof value !== 'number') return null;
  if (cumLaude) {
    if (system === 'italian-110' && value === 110) return ITALIAN_110_LODE;
    if (system === 'italian-30' && value === 30) return ITALIAN_30_LODE;
    return null;
  }
  const numeric = NUMERIC_TABLES[system];
  return numeric === undefined ? null : interpolate(numeric.table, value * numeric.scale);
}

function lookup(marks: Readonly<Record<string, number>>, key: string): number | null {
  return Object.hasOwn(marks, key) ? (marks[key] ?? null) : null;
}

/**
 * Normalises one result to the 0–100 UK-equivalent scale with the tables in grade-tables.ts; null when the
 * value is impossible in that system (GPA 7 on 4, CGPA 11 on 10, 60/110…), never clamped.
 */
export function normaliseGrade(
  system: GradingSystem,
  value: number | string,
  written: string,
  cumLaude = false,
): GradeResult | null {
  const mark = markFor(system, value, cumLaude);
  if (mark === null) return null;
  const normalised = Math.round(mark * 10) / 10;
  return { system, written, normalised, band: gradeBand(normalised) };
}
