import { describe, expect, it } from 'vitest';
import { extractEducation } from '../../../src/profile/extract-education.ts';
import {
  CHINESE_CV,
  FRENCH_CV,
  GERMAN_CV,
  INDIAN_CV,
  ITALIAN_CV,
  NIGERIAN_CV,
  TWO_COLUMN_CV,
  UK_CV,
  US_CV,
} from './fixtures/cv-texts.ts';
import { degree, grade } from './fixtures/degrees.ts';

describe('extractEducation from CVs', () => {
  it('reads a UK CV: MSc with Distinction, BSc with a First on the next line', () => {
    expect(extractEducation(UK_CV, 'cv')).toEqual([
      degree({
        level: 'master',
        title: 'MSc',
        subject: 'Artificial Intelligence',
        institution: 'University of Edinburgh',
        startYear: 2022,
        endYear: 2023,
        result: grade('uk-class', 'Distinction', 75, 'first'),
      }),
      degree({
        level: 'bachelor',
        title: 'BSc',
        subject: 'Computer Science',
        institution: 'University of Bristol',
        startYear: 2018,
        endYear: 2021,
        result: grade('uk-class', 'First Class Honours', 75, 'first'),
      }),
    ]);
  });

  it('reads an Indian B.Tech from a table row, not the school marks below it', () => {
    expect(extractEducation(INDIAN_CV, 'cv')).toEqual([
      degree({
        level: 'bachelor',
        title: 'B.Tech.',
        subject: 'Electronics and Communication Engineering',
        institution: 'IIT Roorkee',
        startYear: 2020,
        endYear: 2024,
        result: grade('cgpa-10', '8.72/10', 72.2, 'first'),
      }),
    ]);
  });

  it('reads Italian Laurea Magistrale 110/110 e lode and Laurea Triennale 108/110', () => {
    expect(extractEducation(ITALIAN_CV, 'cv')).toEqual([
      degree({
        level: 'master',
        title: 'Laurea Magistrale',
        subject: 'Artificial Intelligence',
        institution: 'Università di Bologna',
        startYear: 2021,
        endYear: 2023,
        result: grade('italian-110', 'Voto di laurea: 110/110 e lode', 82, 'first'),
      }),
      degree({
        level: 'bachelor',
        title: 'Laurea Triennale',
        subject: 'Informatica',
        institution: 'Università degli Studi di Padova',
        startYear: 2018,
        endYear: 2021,
        result: grade('italian-110', '108/110', 73.6, 'first'),
      }),
    ]);
  });

  it('reads French Master 2 and Licence with averages out of 20', () => {
    expect(extractEducation(FRENCH_CV, 'cv')).toEqual([
      degree({
        level: 'master',
        title: 'Master 2',
        subject: 'Mathématiques',
        institution: 'ENS Paris-Saclay',
        startYear: 2022,
        endYear: 2024,
        result: grade('french-20', 'moyenne 16,4/20', 79.4, 'first'),
      }),
      degree({
        level: 'bachelor',
        title: 'Licence',
        subject: 'Mathématiques',
        institution: 'Sorbonne Université',
        startYear: 2019,
        endYear: 2022,
        result: grade('french-20', 'moyenne générale 14,2/20, mention Bien', 70.8, 'first'),
      }),
    ]);
  });

  it('reads a German Lebenslauf: Abschlussnote and Gesamtnote', () => {
    expect(extractEducation(GERMAN_CV, 'cv')).toEqual([
      degree({
        level: 'master',
        title: 'M.Sc.',
        subject: 'Informatik',
        institution: 'Technische Universität München',
        startYear: 2022,
        endYear: 2024,
        result: grade('german', 'Abschlussnote: 1,3', 76, 'first'),
      }),
      degree({
        level: 'bachelor',
        title: 'B.Sc.',
        subject: 'Informatik',
        institution: 'Universität Stuttgart',
        startYear: 2019,
        endYear: 2022,
        result: grade('german', 'Gesamtnote 2,0', 66, 'upper-second'),
      }),
    ]);
  });

  it('reads a US résumé with institution and dates above each degree and an expected graduation', () => {
    expect(extractEducation(US_CV, 'cv')).toEqual([
      degree({
        level: 'bachelor',
        title: 'B.S.E.',
        subject: 'Biomedical Engineering',
        institution: 'University of Michigan',
        startYear: 2020,
        endYear: 2024,
        result: grade('gpa-4', 'GPA: 3.85/4.00', 75, 'first'),
      }),
      degree({
        level: 'master',
        title: 'M.S.',
        subject: 'Electrical Engineering',
        institution: 'Stanford University',
        endYear: 2026,
        result: grade('gpa-4', 'Cumulative GPA 3.9 (out of 4.0)', 76.7, 'first'),
      }),
    ]);
  });

  it('reads a two-column CV read column by column, one fact per line', () => {
    expect(extractEducation(TWO_COLUMN_CV, 'cv')).toEqual([
      degree({
        level: 'master',
        title: 'Master of Engineering',
        subject: 'Information Science',
        institution: 'Nara Institute of Science and Technology',
        startYear: 2022,
        endYear: 2024,
      }),
      degree({
        level: 'bachelor',
        title: 'Bachelor of Engineering',
        institution: 'Osaka University',
        startYear: 2018,
        endYear: 2022,
        result: grade('gpa-4', 'GPA 3.6/4.0', 68.8, 'upper-second'),
      }),
    ]);
  });

  it('prefers a CGPA to a bare "First Class", and maps a UK Master’s Distinction', () => {
    expect(
      extractEducation(NIGERIAN_CV, 'cv').map((d) => [d.title, d.institution, d.result?.written]),
    ).toEqual([
      ['B.Eng.', 'University of Lagos', 'CGPA 4.62/5.00'],
      ['MSc', 'University of Cape Town', 'Distinction'],
    ]);
  });

  it('reads a Chinese CV line: 本科 at 浙江大学 with its GPA', () => {
    expect(extractEducation(CHINESE_CV, 'cv')).toEqual([
      degree({
        level: 'bachelor',
        title: '本科',
        institution: '浙江大学',
        startYear: 2020,
        endYear: 2024,
        result: grade('gpa-4', 'GPA 3.85/4.0', 75, 'first'),
      }),
    ]);
  });

  it('reads a subject that wraps onto the next line (regression: two-column PDF)', () => {
    const text = `EDUCATION\n2020 - 2024 B.Tech. Electronics and\nCommunication, IIT Roorkee, CGPA 8.7/10\nPROJECTS`;
    expect(extractEducation(text, 'cv')).toEqual([
      degree({
        level: 'bachelor',
        title: 'B.Tech.',
        subject: 'Electronics and Communication',
        institution: 'IIT Roorkee',
        startYear: 2020,
        endYear: 2024,
        result: grade('cgpa-10', 'CGPA 8.7/10', 72, 'first'),
      }),
    ]);
  });

  it('keeps a parenthesised result without the closing parenthesis', () => {
    const text = 'Ausbildung\n10/2019 – 09/2022 B.Sc. Informatik, Universität Stuttgart (Note 1,8)';
    expect(extractEducation(text, 'cv')[0]?.result).toEqual(
      grade('german', 'Note 1,8', 68.7, 'upper-second'),
    );
  });

  it('reads only the education section when there is one', () => {
    const text = `EDUCATION
MSc Data Science, University of Leeds, 2023
EXPERIENCE
Teaching assistant for the MSc Data Science programme, 2023–2024
Reviewer, MSc theses
`;
    expect(extractEducation(text, 'cv')).toEqual([
      degree({
        level: 'master',
        title: 'MSc',
        subject: 'Data Science',
        institution: 'University of Leeds',
        endYear: 2023,
      }),
    ]);
  });

  it.each([
    ['Harvard University, Cambridge, MA 02138'],
    ['Skills: MS Office, LaTeX'],
    ["Master's thesis: Graph neural networks for molecules"],
    ['Supervised two MSc students'],
    ['Voto di laurea: 110/110'],
    ['Driving licence (B)'],
    ['M. A. Smith and B. A. Jones, co-authors'],
  ])('finds no degree in %s', (line) => {
    expect(extractEducation(line, 'cv')).toEqual([]);
  });
});
