import { describe, expect, it } from 'vitest';
import { extractEducation } from '../../../src/profile/extract-education.ts';
import { degree, grade } from './fixtures/degrees.ts';
import {
  GERMAN_CERTIFICATE,
  INDIAN_CERTIFICATE,
  UK_CERTIFICATE,
  US_TRANSCRIPT,
} from './fixtures/transcript-texts.ts';

describe('extractEducation from certificates and transcripts', () => {
  it('reads a UK degree certificate: subject and class on the next line, institution in the letterhead', () => {
    expect(extractEducation(UK_CERTIFICATE, 'certificate')).toEqual([
      degree({
        level: 'bachelor',
        title: 'Bachelor of Science',
        subject: 'Computer Science',
        institution: 'University of Leeds',
        endYear: 2024,
        result: grade('uk-class', 'First Class Honours', 75, 'first'),
      }),
    ]);
  });

  it('reads an Indian provisional certificate written as one sentence', () => {
    expect(extractEducation(INDIAN_CERTIFICATE, 'certificate')).toEqual([
      degree({
        level: 'bachelor',
        title: 'Bachelor of Technology',
        subject: 'Electronics and Communication Engineering',
        institution: 'Indian Institute of Technology Roorkee',
        endYear: 2024,
        result: grade('cgpa-10', 'CGPA of 8.70 on a 10-point scale', 72, 'first'),
      }),
    ]);
  });

  it('does not take a birth year on the degree line for the degree’s year', () => {
    expect(extractEducation(GERMAN_CERTIFICATE, 'certificate')).toEqual([
      degree({
        level: 'bachelor',
        title: 'Bachelor of Science',
        subject: 'Informatik',
        institution: 'Universität Stuttgart',
        endYear: 2022,
      }),
    ]);
  });

  it('reads a transcript’s programme line only, not the module rows below it', () => {
    expect(extractEducation(US_TRANSCRIPT, 'transcript')).toEqual([
      degree({
        level: 'bachelor',
        title: 'Bachelor of Science',
        subject: 'Computer Sciences',
        institution: 'UNIVERSITY OF WISCONSIN–MADISON',
        endYear: 2024,
      }),
    ]);
  });

  it('reads "Corso di laurea" written in lower case, and drops a title that says nothing more', () => {
    const text = `Università degli Studi di Padova
Certificato di Laurea con esami
Studente: Marco Ferrari - Matricola 1187654 - Corso di laurea magistrale in Ingegneria Biomedica
Media ponderata: 27,85/30`;
    expect(extractEducation(text, 'transcript')).toEqual([
      degree({
        level: 'master',
        title: 'laurea magistrale',
        subject: 'Ingegneria Biomedica',
        institution: 'Università degli Studi di Padova',
      }),
    ]);
  });

  it('takes the Chinese degree certificate’s 学士学位 and 本科 as one degree', () => {
    const text = `学士学位证书
李伟，男，2002年5月生。在浙江大学计算机科学与技术专业完成了本科学习计划，授予工学学士学位。`;
    expect(extractEducation(text, 'certificate')).toEqual([
      degree({ level: 'bachelor', title: '学士学位', institution: '浙江大学' }),
    ]);
  });

  it('merges a degree named twice in one certificate', () => {
    const text = `Alma Mater Studiorum - Università di Bologna
Diploma di Laurea Magistrale
Giulia Rossi ha superato la prova finale del corso di Laurea Magistrale in Artificial Intelligence il 14 dicembre 2023.`;
    expect(extractEducation(text, 'certificate')).toEqual([
      degree({
        level: 'master',
        title: 'Laurea Magistrale',
        subject: 'Artificial Intelligence',
        institution: 'Università di Bologna',
        endYear: 2023,
      }),
    ]);
  });
});
