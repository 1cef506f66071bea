import type { DocumentReading } from '../../src/documents/document-reading.ts';
import type { DocumentProfile } from '../../src/profile/profile-types.ts';

/** A document profile with nothing found, changed by `changes`. */
export function documentProfile(changes: Partial<DocumentProfile> = {}): DocumentProfile {
  return {
    name: null,
    emails: [],
    phones: [],
    links: [],
    degrees: [],
    transcript: null,
    publications: null,
    languageTests: [],
    keywords: [],
    ...changes,
  };
}

/** A reading of a document whose text was read (`ok`), with this profile and extraction details. */
export function documentReading(
  profile: DocumentProfile | null,
  extraction: Partial<DocumentReading['extraction']> = {},
): DocumentReading {
  return {
    extraction: {
      status: 'ok',
      format: 'pdf',
      reason: null,
      pages: 1,
      truncated: false,
      characters: 1000,
      hiddenReasons: [],
      hiddenSample: '',
      ...extraction,
    },
    kindSource: 'content',
    evidence: [],
    profile,
  };
}
