/**
 * Conversion tables from each grading system to a 0–100 UK-equivalent mark (First ≥ 70, 2:1 60–69.99,
 * 2:2 50–59.99, Third 40–49.99, fail < 40). They follow common academic-equivalence conventions
 * (UK NARIC-style comparisons as used by admissions offices) only approximately: a triage aid, not a verdict.
 *
 * A numeric table is a list of `[value, mark]` points; values between points are interpolated linearly and
 * values outside the table's range are refused (not clamped). Points may be listed in either direction.
 */
export type ConversionTable = readonly (readonly [value: number, mark: number])[];

/** GPA on a 4.0 scale. GPA on 4.3 and 5.0 scales is first scaled linearly to 4.0 (× 4/4.3, × 4/5). */
export const GPA_4_TABLE: ConversionTable = [
  [0, 0],
  [1, 20],
  [2, 40],
  [2.5, 50],
  [3, 60],
  [3.3, 65],
  [3.7, 70],
  [4, 80],
];

/** Indian CGPA / CPI / SGPA on a 10-point scale. */
export const CGPA_10_TABLE: ConversionTable = [
  [0, 0],
  [4, 25],
  [5.5, 40],
  [6.5, 52],
  [7.5, 62],
  [8.5, 70],
  [10, 85],
];

/** Italian voto di laurea, 66–110; "110 e lode" (cum laude) counts as 82. */
export const ITALIAN_110_TABLE: ConversionTable = [
  [66, 40],
  [80, 47],
  [90, 54],
  [95, 58],
  [100, 64],
  [105, 70],
  [110, 76],
];
/** The mark for 110 e lode (cum laude). */
export const ITALIAN_110_LODE = 82;

/** Italian exam average, 18–30; "30 e lode" counts as 80. */
export const ITALIAN_30_TABLE: ConversionTable = [
  [18, 40],
  [22, 52],
  [24, 58],
  [26, 64],
  [28, 70],
  [30, 76],
];
/** The mark for 30 e lode. */
export const ITALIAN_30_LODE = 80;

/** French note sur 20 (10 is a pass; 14+ is "Bien", 16+ "Très bien"). */
export const FRENCH_20_TABLE: ConversionTable = [
  [0, 0],
  [10, 45],
  [11, 56],
  [12, 62],
  [14, 70],
  [16, 78],
  [18, 85],
  [20, 90],
];

/** German grades, 1.0 (best) to 5.0 (fail); 4.0 is the lowest pass. */
export const GERMAN_TABLE: ConversionTable = [
  [1, 80],
  [1.3, 76],
  [1.7, 70],
  [2, 66],
  [2.3, 63],
  [2.7, 60],
  [3, 56],
  [3.3, 53],
  [3.7, 50],
  [4, 40],
  [5, 20],
];

/** Percentages outside the UK (Indian aggregates, US/European percentages), 0–100. */
export const PERCENT_TABLE: ConversionTable = [
  [0, 0],
  [40, 35],
  [50, 45],
  [60, 54],
  [70, 62],
  [80, 70],
  [90, 80],
  [100, 90],
];

/** UK degree classes, and UK taught Master's results (Distinction, Merit, Pass). */
export const UK_CLASS_MARKS = {
  first: 75,
  'upper-second': 65,
  'lower-second': 55,
  third: 45,
  pass: 40,
  distinction: 75,
  merit: 65,
  'masters-pass': 55,
} as const;
export type UkClass = keyof typeof UK_CLASS_MARKS;

/** ECTS grades (A best 10 %, B next 25 %, C next 30 %, D next 25 %, E last 10 %, FX/F fail). */
export const ECTS_MARKS = { A: 75, B: 65, C: 58, D: 50, E: 42, FX: 30, F: 25 } as const;
export type EctsGrade = keyof typeof ECTS_MARKS;

/** The table's mark for `value`, interpolated; null outside the table's range. */
export function interpolate(table: ConversionTable, value: number): number | null {
  const points = [...table].sort((a, b) => a[0] - b[0]);
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || !Number.isFinite(value)) return null;
  if (value < first[0] || value > last[0]) return null;
  for (let index = 1; index < points.length; index += 1) {
    const low = points[index - 1];
    const high = points[index];
    if (low === undefined || high === undefined || value > high[0]) continue;
    const share = high[0] === low[0] ? 0 : (value - low[0]) / (high[0] - low[0]);
    return low[1] + share * (high[1] - low[1]);
  }
  return first[1];
}
