import { describe, expect, it } from 'vitest';
import { findGrades, parseGrade, pickGrade } from '../../../src/profile/find-grades.ts';
import type { GradeContext } from '../../../src/profile/grade-rules.ts';

/** [system, written, normalised] of each result found. */
const found = (text: string, context: GradeContext = {}) =>
  findGrades(text, context).map(({ result }) => [result.system, result.written, result.normalised]);

describe('findGrades: results as written', () => {
  it.each([
    // UK classes
    ['First Class Honours', 'uk-class', 'First Class Honours', 75],
    ['BSc Physics, University of York, First', 'uk-class', 'First', 75],
    ['Classification: 1st', 'uk-class', '1st', 75],
    ['BA (Hons) History, 2:1', 'uk-class', '2:1', 65],
    ['BSc (Hons) 2.1', 'uk-class', '2.1', 65],
    ['2.1 Honours degree', 'uk-class', '2.1', 65],
    ['Upper Second', 'uk-class', 'Upper Second', 65],
    ['Upper Second Class Honours', 'uk-class', 'Upper Second Class Honours', 65],
    ['Upper 2nd class', 'uk-class', 'Upper 2nd class', 65],
    ['2:2', 'uk-class', '2:2', 55],
    ['Lower Second', 'uk-class', 'Lower Second', 55],
    ['Third Class Honours', 'uk-class', 'Third Class Honours', 45],
    ['Degree classification: Third', 'uk-class', 'Third', 45],
    // GPA
    ['GPA 3.8/4.0', 'gpa-4', 'GPA 3.8/4.0', 73.3],
    ['GPA: 3.85 (out of 4)', 'gpa-4', 'GPA: 3.85 (out of 4)', 75],
    ['GPA of 3.9 on a 4.0 scale', 'gpa-4', 'GPA of 3.9 on a 4.0 scale', 76.7],
    ['3.8/4.0 GPA', 'gpa-4', '3.8/4.0 GPA', 73.3],
    ['GPA 3.7', 'gpa-4', 'GPA 3.7', 70],
    ['CGPA 3.6/4.3', 'gpa-4.3', 'CGPA 3.6/4.3', 65.6],
    ['Cumulative GPA: 3.91 / 4.3', 'gpa-4.3', 'Cumulative GPA: 3.91 / 4.3', 69.2],
    ['CGPA 4.62/5.00', 'gpa-5', 'CGPA 4.62/5.00', 70],
    [
      'Cumulative Grade Point Average (CGPA): 4.62 / 5.00',
      'gpa-5',
      'Cumulative Grade Point Average (CGPA): 4.62 / 5.00',
      70,
    ],
    // Indian CGPA / CPI / SGPA on 10
    ['CGPA: 8.7/10', 'cgpa-10', 'CGPA: 8.7/10', 72],
    ['CPI 9.1', 'cgpa-10', 'CPI 9.1', 76],
    ['CGPA of 8.70 on a 10-point scale', 'cgpa-10', 'CGPA of 8.70 on a 10-point scale', 72],
    ['8.72/10', 'cgpa-10', '8.72/10', 72.2],
    // Italian
    ['110/110 e lode', 'italian-110', '110/110 e lode', 82],
    ['110/110 cum laude', 'italian-110', '110/110 cum laude', 82],
    ['110 cum laude', 'italian-110', '110 cum laude', 82],
    ['108/110', 'italian-110', '108/110', 73.6],
    ['voto di laurea 105/110', 'italian-110', 'voto di laurea 105/110', 70],
    ['media 28.5/30', 'italian-30', 'media 28.5/30', 71.5],
    ['Media ponderata: 27,85/30', 'italian-30', 'Media ponderata: 27,85/30', 69.6],
    // French
    ['moyenne 15,2/20', 'french-20', 'moyenne 15,2/20', 74.8],
    [
      'Moyenne générale : 15,12/20 – Mention Bien',
      'french-20',
      'Moyenne générale : 15,12/20 – Mention Bien',
      74.5,
    ],
    ['14/20 mention Bien', 'french-20', '14/20 mention Bien', 70],
    ['14,5/20', 'french-20', '14,5/20', 72],
    // German
    ['Gesamtnote 1,3', 'german', 'Gesamtnote 1,3', 76],
    ['Note: sehr gut (1,3)', 'german', 'Note: sehr gut (1,3)', 76],
    ['final grade 1.7 (German scale)', 'german', 'final grade 1.7 (German scale)', 70],
    ['Gesamtnote / Overall grade: 1,4 (sehr gut)', 'german', 'Gesamtnote / Overall grade: 1,4', 74.5],
    ['GPA 1.3 (German grading system)', 'german', 'GPA 1.3 (German grading system)', 76],
    // Percentages near a grade cue
    ['aggregate 76%', 'percent', 'aggregate 76%', 66.8],
    ['Overall average: 68.4%', 'percent', 'Overall average: 68.4%', 60.7],
    ['Percentage: 78.5%', 'percent', 'Percentage: 78.5%', 68.8],
    ['82.5 percent aggregate', 'percent', '82.5 percent aggregate', 72.5],
    ['scored 82% marks', 'percent', '82% marks', 72],
    ['Overall average mark: 72.4', 'percent', 'Overall average mark: 72.4', 63.9],
    // ECTS
    ['ECTS grade A', 'ects', 'ECTS grade A', 75],
    ['Overall ECTS grade: B', 'ects', 'ECTS grade: B', 65],
    ['grade: C (ECTS)', 'ects', 'grade: C (ECTS)', 58],
  ])('%s', (text, system, written, normalised) => {
    expect(found(text)).toEqual([[system, written, normalised]]);
  });
});

describe('findGrades: context', () => {
  it('reads Distinction / Merit / Pass only for a Master’s entry', () => {
    expect(found('MSc Data Science, Distinction', { mastersResults: true })).toEqual([
      ['uk-class', 'Distinction', 75],
    ]);
    expect(found('MSc Data Science, with Merit', { mastersResults: true })).toEqual([
      ['uk-class', 'with Merit', 65],
    ]);
    expect(found('MSc Data Science, Pass', { mastersResults: true })).toEqual([['uk-class', 'Pass', 55]]);
    expect(found('MSc Data Science, Distinction')).toEqual([]);
    expect(found('Merit scholarship holder', { mastersResults: true })).toEqual([]);
  });

  it('reads "grade 1.3" as German only next to a German institution', () => {
    expect(found('Final grade: 1.3', { germanScale: true })).toEqual([['german', 'Final grade: 1.3', 76]]);
    expect(found('Final grade: 1.3')).toEqual([]);
  });

  it('reads a bare percentage only on a degree entry, and not a measurement', () => {
    expect(found('B.Tech, IIT Delhi, 2019–2023, 82%', { degreeEntry: true })).toEqual([
      ['percent', '82%', 72],
    ]);
    expect(found('B.Tech, IIT Delhi, 2019–2023, 82%')).toEqual([]);
    expect(found('Thesis: improved accuracy by 12%', { degreeEntry: true })).toEqual([]);
  });

  it('takes a percentage or average mark next to UK classes as a UK mark', () => {
    expect(found('Overall average mark: 72.4', { ukMarks: true })).toEqual([
      ['uk-class', 'Overall average mark: 72.4', 72.4],
    ]);
    expect(found('aggregate 76%', { ukMarks: true })).toEqual([['uk-class', 'aggregate 76%', 76]]);
  });
});

describe('findGrades: refusals and false positives', () => {
  it.each([
    ['GPA 7/4'],
    ['CGPA 11/10'],
    ['GPA 3.9/5.5'],
    ['108/110 e lode'],
    ['media 16/30'],
    ['moyenne 21/20'],
    ['Gesamtnote 6,0'],
    ['aggregate 112%'],
    // Years, dates, ranges and page numbers
    ['2019 – 2023'],
    ['09/2019 – 06/2020'],
    ['Sep 2020 – 12/20'],
    ['Page 12/20'],
    ['Page 2 of 30, 12/30'],
    ['18/30'],
    ['Dates: 12/10/2021'],
    // Versions, sections, ratios and measurements
    ['Python 3.8/3.9, CUDA 11.2'],
    ['Section 2.1 Methods'],
    ['mixed at a ratio of 2:1'],
    ['improved accuracy by 12%'],
    ['Overall accuracy of 92%'],
    ['top 5% of the class'],
    ['1.3 million images'],
    ['First author of two papers'],
    ['Third place, Kaggle competition'],
    ['a first-class conference'],
    ['82.5 percent'],
  ])('finds nothing in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds a result that starts inside a refused one (regression: Pakistani marks certificate)', () => {
    expect(found('Grand Total: 3140 / 4000    Percentage: 78.5%    Division: First')).toEqual([
      ['percent', 'Percentage: 78.5%', 68.8],
    ]);
  });

  it('keeps results in reading order without overlaps', () => {
    expect(found('CGPA 8.5/10 (Percentage: 78%), GPA 3.6/4.0')).toEqual([
      ['cgpa-10', 'CGPA 8.5/10', 70],
      ['percent', 'Percentage: 78%', 68.4],
      ['gpa-4', 'GPA 3.6/4.0', 68.8],
    ]);
  });
});

describe('parseGrade and pickGrade', () => {
  it('parses one written result', () => {
    expect(parseGrade('2:1')).toEqual({
      system: 'uk-class',
      written: '2:1',
      normalised: 65,
      band: 'upper-second',
    });
    expect(parseGrade('no grade here')).toBeNull();
  });

  it('prefers an explicit result to a bare class word', () => {
    const matches = findGrades('First Class (CGPA 7.2/10)');
    expect(matches.map((match) => match.explicit)).toEqual([false, true]);
    expect(pickGrade(matches)?.written).toBe('CGPA 7.2/10');
    expect(pickGrade(findGrades('First Class Honours (CGPA 7.2/10)'))?.written).toBe('First Class Honours');
    expect(pickGrade([])).toBeNull();
  });
});
