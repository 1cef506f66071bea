import type { MessageBudget } from '../config/schema.ts';
import type { DocumentKind } from '../domain/document-kinds.ts';
import { headOf, type AttachmentBytes } from './attachment-bytes.ts';
import type { DocumentFacts } from './document-facts.ts';
import type { DocumentReading } from './document-reading.ts';
import { unreadable } from './extract/extraction-result.ts';
import { sniffFormat } from './extract/sniff-format.ts';
import { MessageClock, type ReadingClock } from './message-clock.ts';
import { readExtracted } from './read-document.ts';

/** What reading one document needs besides its bytes. */
export interface ReadRequest {
  filename: string | null;
  contentType: string;
  /** The vacancy's keywords, looked for in the text. */
  keywords: readonly string[];
  /** The sender's display name, to recognise the applicant among a paper's authors. */
  applicantName: string;
  /** Set: a reference letter's reading keeps the applicants' names it introduces (a referee's mail). */
  applicantsNamed?: boolean;
  /** The message's reading time, shared by its documents; a reader that honours it stops when it is spent. */
  clock?: ReadingClock;
}

/** A document's kind, decided from its content (or name), and what was read from it. */
export interface ReadResult {
  kind: DocumentKind;
  reading: DocumentReading;
}

/** Reads documents off the event loop; never rejects for a bad document (that becomes its reading). */
export interface DocumentReader {
  read(content: AttachmentBytes, request: ReadRequest): Promise<ReadResult>;
}

/**
 * Reads every attachment of a message (all at once: the reader bounds the parallelism) within the message's
 * budget, and returns the documents with their kinds decided from content and their readings. A document past the
 * budget is not read: its reading says so (`skipped`) and its kind comes from its name. A document without content
 * (a message recorded from its headers only) keeps its file-name kind and no reading; one with a reading already
 * (a container kept whole) keeps it.
 */
export async function readDocuments(
  reader: DocumentReader,
  documents: readonly DocumentFacts[],
  contents: readonly AttachmentBytes[],
  context: Pick<ReadRequest, 'keywords' | 'applicantName' | 'applicantsNamed'>,
  budget: MessageBudget,
): Promise<DocumentFacts[]> {
  const unread = documents.map((document) =>
    document.reading === null ? contents[document.index] : undefined,
  );
  const overBudget = planReading(
    unread.map((content) => content?.length ?? null),
    budget,
  );
  const clock = new MessageClock(
    budget.messageSeconds,
    `over the message's budget (${budget.messageSeconds} s)`,
  );
  try {
    return await Promise.all(
      documents.map(async (document, position) => {
        const content = unread[position];
        if (content === undefined) return document;
        const request = { filename: document.filename, contentType: document.contentType, ...context };
        const over = overBudget[position] ?? null;
        const { kind, reading } =
          over === null ? await reader.read(content, { ...request, clock }) : notRead(content, request, over);
        return { ...document, kind, reading };
      }),
    );
  } finally {
    clock.dispose();
  }
}

/**
 * Which documents of a message its budget of documents and bytes leaves unread, in attachment order: for each
 * document (its size; null without content, which costs nothing), null to read it, else why not. Pure.
 */
export function planReading(sizes: readonly (number | null)[], budget: MessageBudget): (string | null)[] {
  let documents = 0;
  let bytes = 0;
  return sizes.map((size) => {
    if (size === null) return null;
    if (documents >= budget.messageDocuments) {
      return `over the message's budget (${budget.messageDocuments} documents)`;
    }
    if (bytes + size > budget.messageBytes) {
      return `over the message's budget (${budget.messageBytes} bytes of attachments)`;
    }
    documents += 1;
    bytes += size;
    return null;
  });
}

function notRead(content: AttachmentBytes, request: ReadRequest, why: string): ReadResult {
  return readExtracted(
    unreadable(sniffFormat(headOf(content), request), 'skipped', `not read: ${why}`),
    request,
  );
}
