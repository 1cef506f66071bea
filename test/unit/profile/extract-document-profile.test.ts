import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../src/domain/document-kinds.ts';
import { extractDocumentProfile } from '../../../src/profile/extract-document-profile.ts';
import type { DocumentProfile } from '../../../src/profile/profile-types.ts';
import { INDIAN_CV, UK_CV } from './fixtures/cv-texts.ts';
import { ITALIAN_TRANSCRIPT } from './fixtures/transcript-texts.ts';

const KEYWORDS = ['explainable AI', 'medical imaging', 'PyTorch', 'segmentation', 'AI'];

const profileOf = (text: string, kind: DocumentKind, applicantName = ''): DocumentProfile =>
  extractDocumentProfile(text, { kind, keywords: KEYWORDS, applicantName });

describe('extractDocumentProfile', () => {
  it('reads everything a UK CV says', () => {
    expect(profileOf(UK_CV, 'cv', 'Jane Doe')).toEqual({
      name: 'JANE A. DOE',
      emails: ['jane.doe@ed-alumni.example.com'],
      phones: ['+447911123456'],
      links: [
        { kind: 'orcid', url: 'https://orcid.org/0000-0002-1825-0097' },
        { kind: 'github', url: 'https://github.com/janedoe' },
        { kind: 'homepage', url: 'https://janedoe.github.io' },
      ],
      degrees: [
        {
          level: 'master',
          title: 'MSc',
          subject: 'Artificial Intelligence',
          institution: 'University of Edinburgh',
          startYear: 2022,
          endYear: 2023,
          result: { system: 'uk-class', written: 'Distinction', normalised: 75, band: 'first' },
        },
        {
          level: 'bachelor',
          title: 'BSc',
          subject: 'Computer Science',
          institution: 'University of Bristol',
          startYear: 2018,
          endYear: 2021,
          result: { system: 'uk-class', written: 'First Class Honours', normalised: 75, band: 'first' },
        },
      ],
      transcript: null,
      publications: {
        count: 3,
        venues: ['MICCAI', 'MedIA'],
        dois: ['10.1007/978-3-031-43895-0_12', '10.1016/j.media.2023.103012'],
        arxivIds: ['2305.01234v2'],
        firstAuthor: 2,
      },
      languageTests: [],
      keywords: ['explainable AI', 'medical imaging', 'segmentation', 'AI'],
    });
  });

  it('reads an Indian CV: B.Tech CGPA, TOEFL, LinkedIn; no publication list', () => {
    expect(profileOf(INDIAN_CV, 'cv')).toEqual({
      name: 'RAHUL SHARMA',
      emails: ['rahul.sharma@example.in'],
      phones: ['+919876543210'],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/rahulsharma' }],
      degrees: [
        {
          level: 'bachelor',
          title: 'B.Tech.',
          subject: 'Electronics and Communication Engineering',
          institution: 'IIT Roorkee',
          startYear: 2020,
          endYear: 2024,
          result: { system: 'cgpa-10', written: '8.72/10', normalised: 72.2, band: 'first' },
        },
      ],
      transcript: null,
      publications: null,
      languageTests: [{ test: 'TOEFL', score: 112, written: 'TOEFL iBT: 112' }],
      keywords: [],
    });
  });

  it('gives a transcript its summary, and its one programme the overall result', () => {
    const profile = profileOf(ITALIAN_TRANSCRIPT, 'transcript');
    const overall = {
      system: 'italian-110',
      written: 'Voto di laurea: 108/110',
      normalised: 73.6,
      band: 'first',
    };
    expect(profile.transcript).toEqual({ overall, modulesWithMarks: 4 });
    expect(profile.degrees).toEqual([
      {
        level: 'bachelor',
        title: 'Laurea',
        subject: 'Ingegneria Biomedica',
        institution: 'Università degli Studi di Padova',
        startYear: null,
        endYear: null,
        result: overall,
      },
    ]);
    expect(profile.name).toBeNull();
    expect(profile.publications).toBeNull();
  });

  it('reads only contact details, links, language tests and keywords from other kinds', () => {
    for (const kind of ['cover-letter', 'reference', 'other'] as const) {
      const profile = profileOf(UK_CV, kind);
      expect(profile.name).toBeNull();
      expect(profile.degrees).toEqual([]);
      expect(profile.transcript).toBeNull();
      expect(profile.publications).toBeNull();
      expect(profile.emails).toEqual(['jane.doe@ed-alumni.example.com']);
      expect(profile.links).toHaveLength(3);
      expect(profile.keywords).toEqual(['explainable AI', 'medical imaging', 'segmentation', 'AI']);
    }
  });

  it('leaves the referees’ addresses in a CV out of the applicant’s contact details', () => {
    const cv = `Eleanor Hughes\neleanor.hughes@example.ac.uk\nREFEREES\nDr Anil Patel, University of Leeds, a.patel@example.ac.uk, +44 113 343 0000\n`;
    const profile = profileOf(cv, 'cv');
    expect(profile.emails).toEqual(['eleanor.hughes@example.ac.uk']);
    expect(profile.phones).toEqual([]);
  });

  it('gives empty lists for an empty text', () => {
    expect(profileOf('', 'cv')).toEqual({
      name: null,
      emails: [],
      phones: [],
      links: [],
      degrees: [],
      transcript: null,
      publications: null,
      languageTests: [],
      keywords: [],
    });
  });

  it('reads a cover letter mail body: an IELTS score and keywords, no name', () => {
    const body = `Dear Professor Smith,
I am writing to apply for the PhD position in explainable AI for medical imaging. I hold an MSc
(Distinction) from the University of Edinburgh and my IELTS overall band score is 8.0.
Best regards,
Jane Doe`;
    const profile = profileOf(body, 'other', 'Jane Doe');
    expect(profile.languageTests).toEqual([
      { test: 'IELTS', score: 8, written: 'IELTS overall band score is 8.0' },
    ]);
    expect(profile.keywords).toEqual(['explainable AI', 'medical imaging', 'AI']);
    expect(profile.degrees).toEqual([]);
  });
});
