import { extractContact } from './extract-contact.ts';
import { extractEducation } from './extract-education.ts';
import { extractLanguageTests } from './extract-language-tests.ts';
import { extractName } from './extract-name.ts';
import { extractPublications } from './extract-publications.ts';
import { extractTranscript } from './extract-transcript.ts';
import { linesWithout } from './find-sections.ts';
import { matchKeywords } from './match-keywords.ts';
import type { Degree, DocumentProfile, ProfileContext, TranscriptSummary } from './profile-types.ts';

const DEGREE_KINDS = new Set(['cv', 'certificate', 'transcript']);

/** A transcript's one programme takes the transcript's overall result when its own line states none. */
function withOverall(degrees: Degree[], transcript: TranscriptSummary | null): Degree[] {
  const only = degrees[0];
  if (degrees.length !== 1 || only === undefined || only.result !== null || !transcript?.overall)
    return degrees;
  return [{ ...only, result: transcript.overall }];
}

/**
 * What one document's text says about the applicant, by kind: the name from CVs; degrees from CVs,
 * certificates and transcripts; the overall result and module count from transcripts; publications from CVs
 * and research documents; contact details, links, language tests and vacancy keywords from any kind. Pure.
 */
export function extractDocumentProfile(text: string, context: ProfileContext): DocumentProfile {
  const { kind } = context;
  const name = kind === 'cv' ? extractName(text, context.applicantName) : null;
  // A CV's referees section gives the referees' addresses, not the applicant's.
  const contact = extractContact(
    kind === 'cv' ? linesWithout(text.split(/\r?\n/), 'referees').join('\n') : text,
  );
  const transcript = kind === 'transcript' ? extractTranscript(text) : null;
  const degrees = DEGREE_KINDS.has(kind) ? withOverall(extractEducation(text, kind), transcript) : [];
  return {
    name,
    emails: contact.emails,
    phones: contact.phones,
    links: contact.links,
    degrees,
    transcript,
    publications: extractPublications(text, kind, [name ?? '', context.applicantName]),
    languageTests: extractLanguageTests(text),
    keywords: matchKeywords(text, context.keywords),
  };
}
