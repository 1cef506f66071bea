import type { CandidateProfile } from '../domain/fit-profile.ts';
import { namesMatch } from '../profile/extract-name.ts';
import type {
  Degree,
  DocumentProfile,
  GradeResult,
  LanguageTest,
  ProfileLink,
  PublicationSummary,
  TranscriptSummary,
} from '../profile/profile-types.ts';
import type { CandidateRecord } from './candidate-record.ts';
import { profileLabel } from '../documents/text-provenance.ts';

/** A candidate's profile, built from all their documents and mails (the `profile` of `candidates --json`). */
export interface CandidateProfileView {
  name: { value: string; fromCv: string | null; fromSender: string; match: 'match' | 'mismatch' | 'unknown' };
  email: string;
  emails: string[];
  phones: string[];
  links: ProfileLink[];
  education: Degree[];
  /** The result of the highest degree that states one, else the transcript's overall result. */
  bestResult: GradeResult | null;
  transcript: TranscriptSummary | null;
  publications: PublicationSummary;
  /** Each vacancy keyword found, and in which documents ("CV.pdf") or "e-mail". */
  keywords: { keyword: string; foundIn: string[] }[];
  languageTests: LanguageTest[];
}

const OTHER_PEOPLES: ReadonlySet<string> = new Set(['reference', 'research']);

/** Degree levels, higher first in a profile. */
export const LEVEL_RANK = { doctorate: 3, master: 2, bachelor: 1, other: 0 } as const;

/** Builds a candidate's profile from what each document and mail said. Pure. */
export function buildCandidateProfile(record: CandidateRecord): CandidateProfileView {
  const sources = profileSources(record);
  const cvName =
    sources.find((source) => source.kind === 'cv' && source.profile.name !== null)?.profile.name ?? null;
  const all = sources.map((source) => source.profile);
  // A reference letter's and a paper's contact details are the referee's and the co-authors'.
  const own = sources.filter((source) => !OTHER_PEOPLES.has(source.kind)).map((source) => source.profile);
  const education = uniqueBy(
    [...sources]
      .sort((a, b) => rankSource(a.kind) - rankSource(b.kind))
      .flatMap((source) => source.profile.degrees),
    (degree) => `${degree.level}|${degree.title.toLowerCase()}|${(degree.institution ?? '').toLowerCase()}`,
  );
  const transcript = mergeTranscripts(
    all.flatMap((profile) => (profile.transcript ? [profile.transcript] : [])),
  );
  return {
    name: {
      value: cvName ?? record.name,
      fromCv: cvName,
      fromSender: record.name,
      match: cvName === null || record.name === '' ? 'unknown' : namesMatch(cvName, record.name),
    },
    email: record.email,
    emails: unique(own.flatMap((profile) => profile.emails)),
    phones: unique(own.flatMap((profile) => profile.phones)),
    links: uniqueBy(
      own.flatMap((profile) => profile.links),
      (link) => link.url.toLowerCase(),
    ),
    education,
    bestResult: bestDegreeResult(education) ?? transcript?.overall ?? null,
    transcript,
    publications: mergePublications(
      all.flatMap((profile) => (profile.publications ? [profile.publications] : [])),
    ),
    keywords: keywordSources(sources),
    languageTests: bestPerTest(all.flatMap((profile) => profile.languageTests)),
  };
}

/** The three numbers the digest's fit score uses (see README, "Fit score"). */
export function fitProfile(view: CandidateProfileView): CandidateProfile {
  return {
    // A Third (40) counts 0 and a mark of 80 or more counts 1: the spread that separates applicants.
    degreeResult: view.bestResult === null ? 0 : (view.bestResult.normalised - 40) / 40,
    publications: view.publications.count,
    keywordMatches: view.keywords.length,
  };
}

interface ProfileSource {
  label: string;
  kind: string;
  profile: DocumentProfile;
}

function profileSources(record: CandidateRecord): ProfileSource[] {
  const documents = record.documents.flatMap((document) =>
    document.reading?.profile
      ? [
          {
            label: profileLabel(document.filename, document.reading.extraction),
            kind: document.kind,
            profile: document.reading.profile,
          },
        ]
      : [],
  );
  const bodies = record.messages.flatMap((message) =>
    message.bodyProfile ? [{ label: 'e-mail', kind: 'e-mail', profile: message.bodyProfile }] : [],
  );
  return [...documents, ...bodies];
}

// Degrees are taken from CVs first, then certificates and transcripts, then anything else.
function rankSource(kind: string): number {
  return ['cv', 'certificate', 'transcript'].indexOf(kind) + 1 || 9;
}

function bestDegreeResult(degrees: readonly Degree[]): GradeResult | null {
  const withResult = degrees.filter((degree) => degree.result !== null);
  withResult.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || (b.endYear ?? 0) - (a.endYear ?? 0));
  return withResult[0]?.result ?? null;
}

function mergeTranscripts(transcripts: readonly TranscriptSummary[]): TranscriptSummary | null {
  if (transcripts.length === 0) return null;
  const overall = transcripts.map((transcript) => transcript.overall).find((result) => result !== null);
  return {
    overall: overall ?? null,
    modulesWithMarks: transcripts.reduce((sum, transcript) => sum + transcript.modulesWithMarks, 0),
  };
}

// A publication list is usually repeated (CV and a separate list): take the fullest, not the sum.
function mergePublications(lists: readonly PublicationSummary[]): PublicationSummary {
  return {
    count: Math.max(0, ...lists.map((list) => list.count)),
    venues: unique(lists.flatMap((list) => list.venues)),
    dois: unique(lists.flatMap((list) => list.dois.map((doi) => doi.toLowerCase()))),
    arxivIds: unique(lists.flatMap((list) => list.arxivIds)),
    firstAuthor: Math.max(0, ...lists.map((list) => list.firstAuthor)),
  };
}

function keywordSources(sources: readonly ProfileSource[]): CandidateProfileView['keywords'] {
  const found = new Map<string, string[]>();
  for (const source of sources) {
    for (const keyword of source.profile.keywords) {
      const where = found.get(keyword) ?? [];
      if (!where.includes(source.label)) where.push(source.label);
      found.set(keyword, where);
    }
  }
  return [...found].map(([keyword, foundIn]) => ({ keyword, foundIn }));
}

function bestPerTest(tests: readonly LanguageTest[]): LanguageTest[] {
  const best = new Map<string, LanguageTest>();
  for (const test of tests) {
    const known = best.get(test.test);
    if (!known || test.score > known.score) best.set(test.test, test);
  }
  return [...best.values()];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && Boolean(seen.add(key(value))));
}
