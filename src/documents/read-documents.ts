import type { DocumentReading } from './document-reading.ts';
import type { DocumentKind } from '../domain/document-kinds.ts';
import type { DocumentFacts } from './document-facts.ts';

/** What reading one document needs besides its bytes. */
export interface ReadRequest {
  filename: string | null;
  contentType: string;
  /** The vacancy's keywords, looked for in the text. */
  keywords: readonly string[];
  /** The sender's display name, to recognise the applicant among a paper's authors. */
  applicantName: string;
}

/** A document's kind, decided from its content (or name), and what was read from it. */
export interface ReadResult {
  kind: DocumentKind;
  reading: DocumentReading;
}

/** Reads documents off the event loop; never rejects for a bad document (that becomes its reading). */
export interface DocumentReader {
  read(content: Buffer, request: ReadRequest): Promise<ReadResult>;
}

/**
 * Reads every attachment of a message (all at once: the reader bounds the parallelism) and returns the documents
 * with their kinds decided from content and their readings. A document without content (a message recorded from
 * its headers only) keeps its file-name kind and no reading.
 */
export async function readDocuments(
  reader: DocumentReader,
  documents: readonly DocumentFacts[],
  contents: readonly Buffer[],
  context: Pick<ReadRequest, 'keywords' | 'applicantName'>,
): Promise<DocumentFacts[]> {
  return Promise.all(
    documents.map(async (document) => {
      const content = contents[document.index];
      if (content === undefined) return document;
      const { kind, reading } = await reader.read(content, {
        filename: document.filename,
        contentType: document.contentType,
        ...context,
      });
      return { ...document, kind, reading };
    }),
  );
}
