import { describe, expect, it } from 'vitest';
import { extractEducation } from '../../../src/profile/extract-education.ts';
import { findOverallResult } from '../../../src/profile/extract-transcript.ts';
import { gradeCountry } from '../../../src/profile/grade-country.ts';

/** A transcript's first lines (its letterhead) and its overall line, as registrars print them. */
const transcript = (letterhead: string, overall: string): string =>
  `${letterhead}\nTranscript of Records\nStudent: A. Candidate\nModule  Credits  Mark\n${overall}\n`;

describe('national grading systems on transcripts', () => {
  it.each([
    [
      'a UK percentage is a UK mark, without any class named (UCL, 76.2 is a First)',
      transcript('University College London\nGower Street, London WC1E 6BT', 'Overall average mark: 76.2'),
      'uk-class',
      'Overall average mark: 76.2',
      76.2,
      'first',
    ],
    [
      'the same average mark from an Indian university stays a percentage',
      transcript('Anna University, Chennai, India', 'Overall average mark: 76.2'),
      'percent',
      'Overall average mark: 76.2',
      67.0,
      'upper-second',
    ],
    [
      'Spanish nota media on 10',
      transcript('Universidad Politécnica de Madrid', 'Nota media del expediente: 8,61'),
      'spanish-10',
      'Nota media del expediente: 8,61',
      71.1,
      'first',
    ],
    [
      'Dutch gemiddeld cijfer on 10',
      transcript('Technische Universiteit Delft', 'Gemiddeld cijfer: 7,8'),
      'dutch-10',
      'Gemiddeld cijfer: 7,8',
      68,
      'upper-second',
    ],
    [
      'Dutch GPA on 10 from a Dutch university is not an Indian CGPA',
      transcript('Universiteit Utrecht, Netherlands', 'Overall GPA: 8.0/10'),
      'dutch-10',
      'Overall GPA: 8.0/10',
      70,
      'first',
    ],
    [
      'Brazilian coeficiente de rendimento on 10',
      transcript('Universidade Federal de Minas Gerais', 'Coeficiente de Rendimento Acumulado (CRA): 8,2'),
      'brazilian-10',
      'Coeficiente de Rendimento Acumulado (CRA): 8,2',
      67,
      'upper-second',
    ],
    [
      'an Iranian 17.45/20 is not a French one',
      transcript('Sharif University of Technology, Tehran, Iran', 'Overall GPA: 17.45/20'),
      'iranian-20',
      'Overall GPA: 17.45/20',
      72.3,
      'first',
    ],
    [
      'a French moyenne on 20 stays French',
      transcript('Université Paris-Saclay', 'Moyenne générale : 14,5/20'),
      'french-20',
      'Moyenne générale : 14,5/20',
      72,
      'first',
    ],
    [
      'Turkish AGNO on 4',
      transcript('Orta Doğu Teknik Üniversitesi (METU), Ankara', 'AGNO: 3,21 / 4,00'),
      'turkish-4',
      'AGNO: 3,21 / 4,00',
      64.2,
      'upper-second',
    ],
    [
      'Pakistani CGPA on 4',
      transcript(
        'National University of Sciences and Technology (NUST), Islamabad',
        'Cumulative CGPA: 3.45/4.00',
      ),
      'pakistani-4',
      'Cumulative CGPA: 3.45/4.00',
      66.4,
      'upper-second',
    ],
    [
      'Nigerian CGPA on 5',
      transcript('University of Lagos, Akoka, Lagos, Nigeria', 'Final CGPA: 4.12/5.00'),
      'nigerian-5',
      'Final CGPA: 4.12/5.00',
      64.6,
      'upper-second',
    ],
    [
      'a Nigerian CGPA without its scale is on 5, not on 4',
      transcript('Obafemi Awolowo University, Ile-Ife', 'Cumulative Grade Point Average (CGPA): 3.90'),
      'nigerian-5',
      'Cumulative Grade Point Average (CGPA): 3.90',
      61.4,
      'upper-second',
    ],
    [
      'Korean GPA on 4.5',
      transcript('KAIST, Daejeon', 'Cumulative GPA: 4.1/4.5'),
      'korean-4.5',
      'Cumulative GPA: 4.1/4.5',
      72,
      'first',
    ],
    [
      'Chinese average marks in Chinese',
      transcript('浙江大学', '加权平均分：86.5'),
      'chinese-percent',
      '加权平均分:86.5',
      68.1,
      'upper-second',
    ],
    [
      'Chinese average percentage in English',
      transcript('Zhejiang University, Hangzhou, China', 'Average score: 90%'),
      'chinese-percent',
      'Average score: 90%',
      72.5,
      'first',
    ],
    [
      'Hong Kong is no Chinese mark scale',
      transcript('The Chinese University of Hong Kong', 'Average score: 90%'),
      'percent',
      'Average score: 90%',
      80,
      'first',
    ],
  ])('%s', (_name, text, system, written, normalised, band) => {
    expect(findOverallResult(text)).toEqual({ system, written, normalised, band });
  });

  it('reads Persian, Turkish 100-point and Korean wording on their own scales', () => {
    expect(findOverallResult('دانشگاه تهران\nمعدل کل: 16.80')?.system).toBe('iranian-20');
    expect(findOverallResult('Boğaziçi Üniversitesi\nGenel ortalama 100 üzerinden 82,5')).toMatchObject({
      system: 'turkish-100',
      normalised: 67.5,
    });
    expect(findOverallResult('서울대학교\n총 평점: 3.87')).toMatchObject({
      system: 'korean-4.5',
      band: 'upper-second',
    });
  });

  it('refuses values outside a national scale rather than clamping them', () => {
    expect(findOverallResult(transcript('Universidad de Sevilla', 'Nota media: 11,2'))).toBeNull();
    expect(findOverallResult(transcript('KAIST', 'Cumulative GPA: 4.7/4.5'))).toBeNull();
  });
});

describe('national grading systems on a CV', () => {
  it('reads each degree in its own institution’s country', () => {
    const cv = [
      'Jane Applicant',
      'EDUCATION',
      'MSc Artificial Intelligence, University of Edinburgh, 2022 – 2023',
      'Overall mark: 72',
      'BSc Computer Engineering, Istanbul Technical University, 2018 – 2022',
      'GPA: 3.52/4.00',
    ].join('\n');
    const degrees = extractEducation(cv, 'cv');
    expect(degrees.map((degree) => degree.result?.system)).toEqual(['uk-class', 'turkish-4']);
    expect(degrees.map((degree) => degree.result?.band)).toEqual(['first', 'first']);
  });
});

describe('gradeCountry', () => {
  it.each([
    ['University of New South Wales, Sydney', null],
    ['Imperial College London', 'uk'],
    ['Department of Computing, Cardiff University', 'uk'],
    ['Universidade de São Paulo (USP)', 'br'],
    ['Seoul National University', 'kr'],
    ['清华大学 Tsinghua University', 'cn'],
    ['National Taiwan University, Taipei, Taiwan', null],
  ])('%s → %s', (text, country) => {
    expect(gradeCountry(text)).toBe(country);
  });
});
