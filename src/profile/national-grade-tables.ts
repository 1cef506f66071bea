import type { ConversionTable } from './grade-tables.ts';

/*
 * National scales read in their own right, as `[value, UK-equivalent mark]` points (see grade-tables.ts). Each is
 * anchored on what UK universities publish as the First / 2:1 / 2:2 equivalent of that country's degrees (their
 * "country-specific entry requirements" pages; the README names the one behind each table). They are triage aids,
 * not official equivalences.
 */

/** Spanish nota media, 0–10 (5 aprobado, 7 notable, 9 sobresaliente): 7.0 ≈ 2:1, 8.5 ≈ First. */
export const SPANISH_10_TABLE: ConversionTable = [
  [5, 40],
  [6, 50],
  [7, 60],
  [8.5, 70],
  [10, 85],
];

/** Dutch cijfer, 1–10 (5.5 pass, rarely above 9): 8.0 ≈ First, 7.0 ≈ 2:1, 6.0 ≈ 2:2. */
export const DUTCH_10_TABLE: ConversionTable = [
  [5.5, 40],
  [6, 50],
  [7, 60],
  [8, 70],
  [9, 80],
  [10, 90],
];

/** Brazilian média / coeficiente de rendimento, 0–10: 8.5 ≈ First, 7.5 ≈ 2:1, 6.0 ≈ 2:2. */
export const BRAZILIAN_10_TABLE: ConversionTable = [
  [5, 40],
  [6, 50],
  [7.5, 60],
  [8.5, 70],
  [10, 82],
];

/** Iranian معدل, 0–20 (10 pass; 12 for a Master's): 17 ≈ First, 15 ≈ 2:1, 13 ≈ 2:2. */
export const IRANIAN_20_TABLE: ConversionTable = [
  [10, 40],
  [13, 50],
  [15, 60],
  [17, 70],
  [20, 85],
];

/** Turkish GNO / AGNO on 4.00: 3.0 ≈ 2:1, 2.6 ≈ 2:2, 3.5 ≈ First. */
export const TURKISH_4_TABLE: ConversionTable = [
  [2, 40],
  [2.6, 50],
  [3, 60],
  [3.5, 70],
  [4, 80],
];

/** Turkish results on 100 (YÖK's 100-point scale): 75 ≈ 2:1, 65 ≈ 2:2, 85 ≈ First. */
export const TURKISH_100_TABLE: ConversionTable = [
  [50, 40],
  [65, 50],
  [75, 60],
  [85, 70],
  [100, 85],
];

/** Pakistani CGPA on 4.0 (HEC): 3.7 ≈ First, 3.0 ≈ 2:1, 2.5 ≈ 2:2, 2.0 ≈ Third. */
export const PAKISTANI_4_TABLE: ConversionTable = [
  [2, 40],
  [2.5, 50],
  [3, 60],
  [3.7, 70],
  [4, 78],
];

/**
 * Nigerian CGPA on 5.0 (classes: First 4.50–5.00, Second Upper 3.50–4.49, Second Lower 2.40–3.49, Third
 * 1.50–2.39): a UK 2:1 asks 3.8, a First the Nigerian First.
 */
export const NIGERIAN_5_TABLE: ConversionTable = [
  [1.5, 40],
  [2.4, 50],
  [3.8, 60],
  [4.5, 70],
  [5, 80],
];

/** Korean GPA on 4.5 (A+ 4.5, A 4.0, B+ 3.5, B 3.0, C+ 2.5): 4.0 ≈ First, 3.3 ≈ 2:1, 2.5 ≈ 2:2. */
export const KOREAN_45_TABLE: ConversionTable = [
  [2, 40],
  [2.5, 50],
  [3.3, 60],
  [4, 70],
  [4.5, 80],
];

/** Chinese average marks (均分), 0–100 (60 pass): 88 ≈ First, 80 ≈ 2:1, 75 ≈ 2:2. */
export const CHINESE_PERCENT_TABLE: ConversionTable = [
  [60, 40],
  [75, 50],
  [80, 60],
  [88, 70],
  [100, 85],
];
