import { describe, expect, it } from 'vitest';
import { countModuleCodes, countModuleRows, isModuleRow } from '../../../src/profile/count-modules.ts';
import { extractTranscript, findOverallResult } from '../../../src/profile/extract-transcript.ts';
import {
  ECTS_TRANSCRIPT,
  FRENCH_TRANSCRIPT,
  GERMAN_TRANSCRIPT,
  INDIAN_TRANSCRIPT,
  ITALIAN_TRANSCRIPT,
  UK_TRANSCRIPT,
  US_TRANSCRIPT,
} from './fixtures/transcript-texts.ts';

describe('extractTranscript', () => {
  it.each([
    [
      'UK: the average mark (a UK mark) over the class',
      UK_TRANSCRIPT,
      'uk-class',
      'Overall average mark: 76.4',
      76.4,
      'first',
      6,
    ],
    [
      'US: the cumulative GPA, not a term GPA',
      US_TRANSCRIPT,
      'gpa-4',
      'Cumulative GPA: 3.72',
      70.7,
      'first',
      5,
    ],
    [
      'Italian: the final mark over the exam average',
      ITALIAN_TRANSCRIPT,
      'italian-110',
      'Voto di laurea: 108/110',
      73.6,
      'first',
      4,
    ],
    ['ECTS: the overall ECTS grade', ECTS_TRANSCRIPT, 'ects', 'ECTS grade: B', 65, 'upper-second', 4],
    [
      'German: the Gesamtnote',
      GERMAN_TRANSCRIPT,
      'german',
      'Gesamtnote / Overall grade: 1,4',
      74.5,
      'first',
      3,
    ],
    [
      'French: the moyenne générale',
      FRENCH_TRANSCRIPT,
      'french-20',
      'Moyenne générale : 15,12/20 – Mention Bien',
      74.5,
      'first',
      3,
    ],
    [
      'Indian: the CGPA over the class in words',
      INDIAN_TRANSCRIPT,
      'cgpa-10',
      'CGPA: 8.74',
      72.4,
      'first',
      3,
    ],
  ] as const)('%s', (_case, text, system, written, normalised, band, modules) => {
    expect(extractTranscript(text)).toEqual({
      overall: { system, written, normalised, band },
      modulesWithMarks: modules,
    });
  });

  it('takes the exam average when no final mark is stated', () => {
    const text = ITALIAN_TRANSCRIPT.replace('Voto di laurea: 108/110\n', '');
    expect(findOverallResult(text)).toEqual({
      system: 'italian-30',
      written: 'Media ponderata: 27,85/30',
      normalised: 69.6,
      band: 'upper-second',
    });
  });

  it('takes the last cumulative GPA of a running record', () => {
    const text = `Cumulative GPA: 3.40\nSpring 2023\nCS 101 Programming 4 A\nCumulative GPA: 3.55`;
    expect(findOverallResult(text)?.written).toBe('Cumulative GPA: 3.55');
  });

  it('states no overall result when there is none', () => {
    expect(extractTranscript('Transcript\nCS 101\tProgramming\t4\tA\nTerm GPA: 4.0')).toEqual({
      overall: null,
      modulesWithMarks: 1,
    });
  });
});

describe('module rows', () => {
  it.each([
    ['COMP3001 Machine Learning 15 72'],
    ['CS 229\tMachine Learning\t4\tA'],
    ['INF-2101 Algorithms 10 B+'],
    ['21CS45 Microcontrollers 4 A+ 9'],
    ['IN03302\tElaborazione di Bioimmagini\t6\t30 e lode\t22/01/2023'],
    ['Machine Learning    20    68'],
    ['Molecular Biology 6 9 B'],
    ['2020-2021-1 微积分(甲)I 5.0 93 4.8'],
  ])('counts %s', (line) => {
    expect(isModuleRow(line)).toBe(true);
  });

  it.each([
    ['Code Module title Credits Mark'],
    ['COMP3001 Machine Learning'],
    ['Prova finale 3 14/07/2023'],
    ['Page 1 of 3'],
    ['Semester 1 2021'],
    ['Total credits: 360'],
    ['Grading scale: A = 4.0, AB = 3.5, B = 3.0'],
    ['Term GPA: 3.62 Term credits: 10'],
    ['Student: Jane Doe Student number: 1834567'],
    ['Printed 12 07 2024'],
    ['Exam held on 3 March 2023 in room 12'],
  ])('does not count %s', (line) => {
    expect(isModuleRow(line)).toBe(false);
  });

  it('counts rows of a whole transcript', () => {
    expect(countModuleRows(UK_TRANSCRIPT)).toBe(6);
  });

  it('counts a PDF table row whose title wraps over lines once (regression: wrapped grade card)', () => {
    const text = `Sem\tCourse Code Course Title\tCredits\tGrade\tGrade Points
III\t21CS32\tData
Structures
and
Applications

4\tA+\t9
VIII\t21CS81\tProject Work 10\tO\t10
COMP3011\tWeb Services and
Web Data
20\t73
Level 3 (2023/24)
MA101\tAnalyse
fonctionnelle
6\t15,5\tAdmis
Total Credits Earned: 160 CGPA: 8.74`;
    expect(countModuleRows(text)).toBe(4);
  });
});

describe('countModuleCodes', () => {
  it('counts distinct module codes of several styles', () => {
    expect(countModuleCodes('COMP3001, COMP3001, CS 229, INF-2101, 21CS45, MA101, IN01123')).toBe(6);
  });

  it.each([
    ['MICCAI 2023, CVPR 2024, ISBI-2023 and NeurIPS2023'],
    ['ISO 9001 certified, RTX 3090 GPU, COVID 19'],
    ['Published 2021; 09/2019 – 06/2023; +44 7911 123456'],
    ['USN: 1RV21CS118'],
  ])('counts none in %s', (text) => {
    expect(countModuleCodes(text)).toBe(0);
  });

  it('counts the codes of a transcript', () => {
    expect(countModuleCodes(US_TRANSCRIPT)).toBe(5);
  });
});
