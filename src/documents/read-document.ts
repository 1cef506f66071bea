import type { DocumentKind } from '../domain/document-kinds.ts';
import type { DocumentReading, ExtractionRecord } from './document-reading.ts';
import { extractDocumentProfile } from '../profile/extract-document-profile.ts';
import { applicantsNamed } from './applicant-names.ts';
import { classifyDocument } from './classify-document.ts';
import type { ExtractedText } from './extraction.ts';

// Enough of the hidden text for a person to see what was hidden, little enough to store with the candidate.
const HIDDEN_SAMPLE_CHARACTERS = 200;

/** What reading a document needs besides its text (see ReadRequest in read-documents, which imports this). */
interface ReadingContext {
  filename: string | null;
  contentType: string;
  keywords: readonly string[];
  applicantName: string;
  /** Set: a reference letter's reading keeps the applicants' names it introduces (see applicantsNamed). */
  applicantsNamed?: boolean;
}

/** From a document's extracted text: its kind (content first, then name), and the profile it gives. Pure. */
export function readExtracted(
  extraction: ExtractedText,
  request: ReadingContext,
): { kind: DocumentKind; reading: DocumentReading } {
  const decision = classifyDocument({
    filename: request.filename,
    contentType: request.contentType,
    extraction,
  });
  const profile =
    extraction.status === 'ok'
      ? extractDocumentProfile(extraction.text, {
          kind: decision.kind,
          keywords: request.keywords,
          applicantName: request.applicantName,
        })
      : null;
  const letter = profile !== null && decision.kind === 'reference' && request.applicantsNamed === true;
  const reading: DocumentReading = {
    extraction: extractionRecord(extraction),
    kindSource: decision.source,
    evidence: decision.evidence,
    profile: letter ? { ...profile, applicantsNamed: applicantsNamed(extraction.text) } : profile,
  };
  return { kind: decision.kind, reading };
}

/** What is stored of an extraction: everything but the text. */
export function extractionRecord(extraction: ExtractedText): ExtractionRecord {
  return {
    status: extraction.status,
    format: extraction.format,
    reason: extraction.reason,
    pages: extraction.pages,
    truncated: extraction.truncated,
    characters: extraction.text.length,
    hiddenReasons: extraction.hiddenReasons,
    hiddenSample: extraction.hiddenText.replace(/\s+/g, ' ').trim().slice(0, HIDDEN_SAMPLE_CHARACTERS),
    ...(extraction.textSource === undefined
      ? {}
      : { textSource: extraction.textSource, ocrPages: extraction.ocrPages ?? 1 }),
  };
}
