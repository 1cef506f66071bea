import { findCertificateClues } from './certificate-clues.ts';
import type { Clue } from './clue.ts';
import { findCoverLetterClues } from './cover-letter-clues.ts';
import { findCvClues } from './cv-clues.ts';
import { readDocumentText } from './document-text.ts';
import { readLetterShape } from './letter-shape.ts';
import { findLookAlikeClues } from './look-alike-clues.ts';
import { findReferenceClues } from './reference-clues.ts';
import { findResearchClues } from './research-clues.ts';
import { findTitleClues } from './title-clues.ts';
import { findTranscriptClues } from './transcript-clues.ts';

/** Every clue the text of a document gives about its kind, unordered. */
export function findKindClues(text: string, pages: number | null): Clue[] {
  const doc = readDocumentText(text, pages);
  if (doc.words === 0) return [];
  const shape = readLetterShape(doc);
  return [
    ...findTitleClues(doc),
    ...findCvClues(doc),
    ...findTranscriptClues(doc),
    ...findResearchClues(doc),
    ...findCoverLetterClues(doc, shape),
    ...findReferenceClues(doc, shape),
    ...findCertificateClues(doc),
    ...findLookAlikeClues(doc),
  ];
}
