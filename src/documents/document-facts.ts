import type { DocumentKind } from '../domain/document-kinds.ts';
import type { DocumentReading } from './document-reading.ts';

/**
 * A document as the ingest stage sees it: described from the attachment, its kind guessed from its name until
 * the document is read (see readDocuments), which decides the kind from the content and fills `reading`.
 */
export interface DocumentFacts {
  /** Position among the message's attachments (and their contents). */
  index: number;
  filename: string;
  safeName: string;
  /** The names of the containers it was unpacked from, outermost first (e.g. winmail.dat); [] when none. */
  within: string[];
  kind: DocumentKind;
  contentType: string;
  size: number;
  sha256: string;
  reading: DocumentReading | null;
}
