import { describe, expect, it } from 'vitest';
import { buildCandidateProfile, fitProfile } from '../../../src/candidates/candidate-profile.ts';
import { profileSummary } from '../../../src/candidates/profile-summary.ts';
import type { GradeResult } from '../../../src/profile/profile-types.ts';
import { documentProfile, documentReading } from '../../support/profiles.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';

const DISTINCTION: GradeResult = {
  system: 'uk-class',
  written: 'Distinction',
  normalised: 75,
  band: 'first',
};
const TWO_ONE: GradeResult = { system: 'uk-class', written: '2:1', normalised: 65, band: 'upper-second' };
const CGPA: GradeResult = { system: 'cgpa-10', written: 'CGPA 8.1/10', normalised: 66, band: 'upper-second' };

const message = messageRecord('<1>', '2026-11-01T10:00:00.000Z', {
  bodyProfile: documentProfile({
    keywords: ['PyTorch'],
    links: [{ kind: 'github', url: 'https://github.com/janedoe' }],
  }),
});

function withReading(
  kind: Parameters<typeof documentRecord>[0],
  reading: ReturnType<typeof documentReading>,
) {
  return { ...documentRecord(kind, '<1>'), filename: `${kind}.pdf`, reading };
}

const cv = withReading(
  'cv',
  documentReading(
    documentProfile({
      name: 'Jane A. Doe',
      phones: ['+44 7700 900123'],
      links: [
        { kind: 'orcid', url: 'https://orcid.org/0000-0002-1825-0097' },
        { kind: 'github', url: 'https://github.com/JaneDoe' },
      ],
      degrees: [
        {
          level: 'bachelor',
          title: 'BSc',
          subject: 'Computer Science',
          institution: 'University of Leeds',
          startYear: 2019,
          endYear: 2022,
          result: TWO_ONE,
        },
        {
          level: 'master',
          title: 'MSc',
          subject: 'Artificial Intelligence',
          institution: 'University of Edinburgh',
          startYear: 2022,
          endYear: 2023,
          result: DISTINCTION,
        },
      ],
      publications: { count: 3, venues: ['MICCAI'], dois: ['10.1007/ABC'], arxivIds: [], firstAuthor: 2 },
      languageTests: [{ test: 'IELTS', score: 7, written: 'IELTS 7.0' }],
      keywords: ['PyTorch', 'medical imaging'],
    }),
  ),
);
const transcript = withReading(
  'transcript',
  documentReading(
    documentProfile({
      transcript: { overall: CGPA, modulesWithMarks: 32 },
      languageTests: [{ test: 'IELTS', score: 7.5, written: 'IELTS 7.5' }],
      publications: {
        count: 1,
        venues: ['NeurIPS'],
        dois: ['10.1007/abc'],
        arxivIds: ['2101.01234'],
        firstAuthor: 0,
      },
    }),
  ),
);

describe('buildCandidateProfile', () => {
  const record = { ...candidateRecord([message], [cv, transcript], []), name: 'Jane Doe' };
  const profile = buildCandidateProfile(record);

  it('takes the name from the CV and keeps the sender’s beside it', () => {
    expect(profile.name).toEqual({
      value: 'Jane A. Doe',
      fromCv: 'Jane A. Doe',
      fromSender: 'Jane Doe',
      match: 'match',
    });
  });

  it('unites contact details and links from documents and mail, each link once', () => {
    expect(profile.phones).toEqual(['+44 7700 900123']);
    expect(profile.links.map((link) => link.url)).toEqual([
      'https://orcid.org/0000-0002-1825-0097',
      'https://github.com/JaneDoe',
    ]);
  });

  it('prefers the highest degree’s result, and keeps the transcript’s overall result', () => {
    expect(profile.education.map((degree) => degree.title)).toEqual(['BSc', 'MSc']);
    expect(profile.bestResult).toEqual(DISTINCTION);
    expect(profile.transcript).toEqual({ overall: CGPA, modulesWithMarks: 32 });
  });

  it('counts a repeated publication list once and merges venues and identifiers', () => {
    expect(profile.publications).toEqual({
      count: 3,
      venues: ['MICCAI', 'NeurIPS'],
      dois: ['10.1007/abc'],
      arxivIds: ['2101.01234'],
      firstAuthor: 2,
    });
  });

  it('does not take a referee’s contact details for the applicant’s', () => {
    const letter = withReading(
      'reference',
      documentReading(documentProfile({ emails: ['a.patel@uni.example'], phones: ['+44 113 496 0000'] })),
    );
    const view = buildCandidateProfile({ ...candidateRecord([message], [letter], []), name: 'Jane Doe' });
    expect(view.emails).toEqual([]);
    expect(view.phones).toEqual([]);
  });

  it('says where each keyword was found, and keeps the best score per language test', () => {
    expect(profile.keywords).toEqual([
      { keyword: 'PyTorch', foundIn: ['cv.pdf', 'e-mail'] },
      { keyword: 'medical imaging', foundIn: ['cv.pdf'] },
    ]);
    expect(profile.languageTests).toEqual([{ test: 'IELTS', score: 7.5, written: 'IELTS 7.5' }]);
  });

  it('feeds the fit score: degree (normalised − 40) / 40, publications and keywords', () => {
    expect(fitProfile(profile)).toMatchObject({ degreeResult: 35 / 40, publications: 3, keywordMatches: 2 });
  });

  it('summarises the profile in one line', () => {
    expect(profileSummary(profile)).toBe(
      'MSc Artificial Intelligence, University of Edinburgh: Distinction (First equivalent) · ' +
        '3 publications (2 first-author; MICCAI, NeurIPS) · IELTS 7.5 · keywords: PyTorch, medical imaging',
    );
  });

  it('does not attribute a transcript’s result to a degree that states none', () => {
    const noResults = withReading(
      'cv',
      documentReading(
        documentProfile({
          degrees: [
            {
              level: 'bachelor',
              title: 'B.Tech',
              subject: null,
              institution: 'IIT Delhi',
              startYear: null,
              endYear: 2024,
              result: null,
            },
          ],
        }),
      ),
    );
    const view = buildCandidateProfile(candidateRecord([message], [noResults, transcript], []));
    expect(profileSummary(view)).toBe(
      'B.Tech, IIT Delhi · CGPA 8.1/10 (2:1 equivalent) · 1 publication (0 first-author; NeurIPS) · ' +
        'IELTS 7.5 · keywords: PyTorch',
    );
  });

  it('is empty, with an unknown name match, when nothing was read', () => {
    const bare = buildCandidateProfile(
      candidateRecord([messageRecord('<1>', '2026-11-01T10:00:00Z')], [], []),
    );
    expect(bare.name).toEqual({ value: 'Jane', fromCv: null, fromSender: 'Jane', match: 'unknown' });
    expect(bare.bestResult).toBeNull();
    expect(profileSummary(bare)).toBe('');
    expect(fitProfile(bare)).toMatchObject({ degreeResult: 0, publications: 0, keywordMatches: 0 });
  });
});
