import { describe, expect, it } from 'vitest';
import { GPA_4_TABLE, interpolate } from '../../../src/profile/grade-tables.ts';
import { gradeBand, normaliseGrade } from '../../../src/profile/normalise-grade.ts';
import type { GradingSystem } from '../../../src/profile/profile-types.ts';

const mark = (system: GradingSystem, value: number | string, cumLaude = false): number | null =>
  normaliseGrade(system, value, String(value), cumLaude)?.normalised ?? null;

describe('normaliseGrade', () => {
  it.each([
    // GPA on 4.0: the table's points and values between them.
    ['gpa-4', 4, 80],
    ['gpa-4', 3.7, 70],
    ['gpa-4', 3.85, 75],
    ['gpa-4', 3.3, 65],
    ['gpa-4', 3, 60],
    ['gpa-4', 2.5, 50],
    ['gpa-4', 2, 40],
    ['gpa-4', 0, 0],
    // 4.3 and 5.0 scales are scaled to 4.0 first: 4.3 → 4.0, 4.62/5 → 3.696.
    ['gpa-4.3', 4.3, 80],
    ['gpa-4.3', 3.91, 69.2],
    ['gpa-5', 5, 80],
    ['gpa-5', 4.62, 70],
    ['gpa-5', 2.5, 40],
    ['cgpa-10', 10, 85],
    ['cgpa-10', 8.5, 70],
    ['cgpa-10', 8.72, 72.2],
    ['cgpa-10', 7.5, 62],
    ['cgpa-10', 6.5, 52],
    ['cgpa-10', 5.5, 40],
    ['italian-110', 110, 76],
    ['italian-110', 108, 73.6],
    ['italian-110', 105, 70],
    ['italian-110', 100, 64],
    ['italian-110', 95, 58],
    ['italian-110', 90, 54],
    ['italian-110', 80, 47],
    ['italian-110', 66, 40],
    ['italian-30', 30, 76],
    ['italian-30', 28, 70],
    ['italian-30', 27.85, 69.6],
    ['italian-30', 26, 64],
    ['italian-30', 24, 58],
    ['italian-30', 22, 52],
    ['italian-30', 18, 40],
    ['french-20', 20, 90],
    ['french-20', 18, 85],
    ['french-20', 16, 78],
    ['french-20', 15.12, 74.5],
    ['french-20', 14, 70],
    ['french-20', 12, 62],
    ['french-20', 11, 56],
    ['french-20', 10, 45],
    ['french-20', 8, 36],
    ['german', 1, 80],
    ['german', 1.3, 76],
    ['german', 1.4, 74.5],
    ['german', 1.7, 70],
    ['german', 2, 66],
    ['german', 2.3, 63],
    ['german', 2.7, 60],
    ['german', 3, 56],
    ['german', 3.3, 53],
    ['german', 3.7, 50],
    ['german', 4, 40],
    ['german', 5, 20],
    ['percent', 100, 90],
    ['percent', 90, 80],
    ['percent', 82, 72],
    ['percent', 80, 70],
    ['percent', 70, 62],
    ['percent', 60, 54],
    ['percent', 50, 45],
    ['percent', 40, 35],
    // A UK mark is already on the UK scale; UK classes and Master's results by name.
    ['uk-class', 76.4, 76.4],
    ['uk-class', 'first', 75],
    ['uk-class', 'upper-second', 65],
    ['uk-class', 'lower-second', 55],
    ['uk-class', 'third', 45],
    ['uk-class', 'pass', 40],
    ['uk-class', 'distinction', 75],
    ['uk-class', 'merit', 65],
    ['uk-class', 'masters-pass', 55],
    ['ects', 'A', 75],
    ['ects', 'B', 65],
    ['ects', 'C', 58],
    ['ects', 'D', 50],
    ['ects', 'E', 42],
    ['ects', 'FX', 30],
    ['ects', 'F', 25],
  ] as const)('%s %s → %s', (system, value, expected) => {
    expect(mark(system, value)).toBe(expected);
  });

  it.each([
    ['italian-110', 110, 82],
    ['italian-30', 30, 80],
  ] as const)('%s %s e lode → %s', (system, value, expected) => {
    expect(mark(system, value, true)).toBe(expected);
  });

  it.each([
    ['gpa-4', 7],
    ['gpa-4', 4.01],
    ['gpa-4', -1],
    ['gpa-4.3', 4.4],
    ['gpa-5', 5.5],
    ['cgpa-10', 11],
    ['italian-110', 111],
    ['italian-110', 60],
    ['italian-30', 31],
    ['italian-30', 17],
    ['french-20', 21],
    ['german', 0.7],
    ['german', 5.3],
    ['percent', 101],
    ['uk-class', 101],
    ['uk-class', 'excellent'],
    ['uk-class', 'constructor'],
    ['ects', 'G'],
    ['ects', 'toString'],
    ['gpa-4', 'A'],
  ] as const)('refuses %s %s instead of clamping', (system, value) => {
    expect(normaliseGrade(system, value, String(value))).toBeNull();
  });

  it.each([
    ['italian-110', 108],
    ['italian-30', 29],
    ['gpa-4', 4],
  ] as const)('refuses cum laude on %s %s', (system, value) => {
    expect(normaliseGrade(system, value, 'x', true)).toBeNull();
  });

  it('keeps the written form and gives the band', () => {
    expect(normaliseGrade('cgpa-10', 8.7, 'CGPA 8.7/10')).toEqual({
      system: 'cgpa-10',
      written: 'CGPA 8.7/10',
      normalised: 72,
      band: 'first',
    });
  });
});

describe('gradeBand', () => {
  it.each([
    [100, 'first'],
    [70, 'first'],
    [69.99, 'upper-second'],
    [60, 'upper-second'],
    [59.99, 'lower-second'],
    [50, 'lower-second'],
    [49.99, 'third'],
    [40, 'third'],
    [39.99, 'fail'],
    [0, 'fail'],
  ] as const)('%s is %s', (normalised, band) => {
    expect(gradeBand(normalised)).toBe(band);
  });
});

describe('interpolate', () => {
  it('is linear between points and refuses values outside the table', () => {
    expect(interpolate(GPA_4_TABLE, 3.5)).toBeCloseTo(67.5, 10);
    expect(interpolate(GPA_4_TABLE, 4.5)).toBeNull();
    expect(interpolate(GPA_4_TABLE, Number.NaN)).toBeNull();
    expect(interpolate([], 1)).toBeNull();
  });
});
