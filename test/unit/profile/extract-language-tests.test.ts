import { describe, expect, it } from 'vitest';
import { extractLanguageTests } from '../../../src/profile/extract-language-tests.ts';

describe('extractLanguageTests', () => {
  it.each([
    ['IELTS Academic: 7.5 (L8 R7.5 W7 S7)', 'IELTS', 7.5, 'IELTS Academic: 7.5'],
    ['IELTS overall band score 7.0', 'IELTS', 7, 'IELTS overall band score 7.0'],
    [
      'IELTS: L 8.5, R 8.0, W 7.0, S 7.5, Overall 8.0',
      'IELTS',
      8,
      'IELTS: L 8.5, R 8.0, W 7.0, S 7.5, Overall 8.0',
    ],
    ['IELTS (2023): 6.5', 'IELTS', 6.5, 'IELTS (2023): 6.5'],
    ['English (C1, IELTS Academic 7.5, overall band score)', 'IELTS', 7.5, 'IELTS Academic 7.5'],
    ['TOEFL iBT: 110 (R29 L28 S26 W27)', 'TOEFL', 110, 'TOEFL iBT: 110'],
    ['TOEFL iBT 108', 'TOEFL', 108, 'TOEFL iBT 108'],
    ['PTE Academic 79', 'PTE', 79, 'PTE Academic 79'],
    ['Duolingo English Test: 135', 'Duolingo', 135, 'Duolingo English Test: 135'],
  ])('%s', (text, test, score, written) => {
    expect(extractLanguageTests(text)).toEqual([{ test, score, written }]);
  });

  it.each([
    ['IELTS 9.5'],
    ['IELTS 7.3'],
    ['TOEFL iBT 121'],
    ['TOEFL ITP 550'],
    ['PTE Academic 95'],
    ['Duolingo English Test 165'],
    ['IELTS test fee 17,000.00'],
    ['IELTS preparation course, 2022'],
    ['Duolingo streak of 365 days'],
  ])('refuses %s', (text) => {
    expect(extractLanguageTests(text)).toEqual([]);
  });

  it('reads the overall column of a score report table', () => {
    const trf = `IELTS
Test Report Form
ACADEMIC
Listening\tReading\tWriting\tSpeaking\tOverall Band Score\tCEFR Level
8.5\t8.0\t7.0\t7.5\t8.0\tC1`;
    expect(extractLanguageTests(trf)).toEqual([{ test: 'IELTS', score: 8, written: 'IELTS overall 8.0' }]);
    const wrapped = `IELTS\nTest Results\nListening\tReading\tWriting\tSpeaking\tOverall Band\nScore\nCEFR Level\n8.5\t8.0\t7.0\t7.5\t8.0\tC1`;
    expect(extractLanguageTests(wrapped)).toEqual([
      { test: 'IELTS', score: 8, written: 'IELTS overall 8.0' },
    ]);
    const toefl = `TOEFL iBT® Test Taker Score Report
Reading Listening Speaking Writing Total Score
29 28 24 27 108`;
    expect(extractLanguageTests(toefl)).toEqual([{ test: 'TOEFL', score: 108, written: 'TOEFL total 108' }]);
  });

  it('issue-19-blank-line-body: reads a score table far below its cue, past a body of blank lines', () => {
    const padded = `IELTS${'\n'.repeat(50_000)}Listening Reading Writing Speaking Overall\n8.5 8.0 7.0 7.5 8.0`;
    expect(extractLanguageTests(padded)).toEqual([{ test: 'IELTS', score: 8, written: 'IELTS overall 8.0' }]);
    // A table above the test's name is not that test's table.
    const before = `Listening Reading Writing Speaking Overall\n8.5 8.0 7.0 7.5 8.0\nIELTS`;
    expect(extractLanguageTests(before)).toEqual([]);
  });

  it('keeps the first of each test, in the order IELTS, TOEFL, PTE, Duolingo', () => {
    expect(
      extractLanguageTests('Duolingo 120; TOEFL iBT 100; IELTS 7.0; IELTS 8.0').map((t) => [t.test, t.score]),
    ).toEqual([
      ['IELTS', 7],
      ['TOEFL', 100],
      ['Duolingo', 120],
    ]);
  });
});
