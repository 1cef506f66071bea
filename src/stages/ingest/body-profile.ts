import { extractDocumentProfile } from '../../profile/extract-document-profile.ts';
import type { DocumentProfile } from '../../profile/profile-types.ts';
import { ownText } from '../../mail/own-text.ts';

// A mail body longer than this is not a cover note: only its start is read.
const MAX_BODY_CHARACTERS = 50_000;

/**
 * What a mail's own text says about the applicant (links, language tests, keywords…), or null when it has no
 * text. Quoted text is left out: a reply quoting our acknowledgement must not "mention" the vacancy's keywords.
 */
export function bodyProfile(
  text: string,
  keywords: readonly string[],
  applicantName: string,
): DocumentProfile | null {
  // The signature stays: it often carries the applicant's ORCID, GitHub or homepage.
  const own = ownText(text, { limit: MAX_BODY_CHARACTERS, stopAtSignature: false });
  if (own.trim() === '') return null;
  return extractDocumentProfile(own, { kind: 'other', keywords, applicantName });
}
