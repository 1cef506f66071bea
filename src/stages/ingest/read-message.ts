import type { MessageBudget } from '../../config/schema.ts';
import type { DocumentFacts } from '../../documents/document-facts.ts';
import { readDocuments, type DocumentReader } from '../../documents/read-documents.ts';
import type { ParsedMessage } from '../../mail/parse-message.ts';
import type { DocumentProfile } from '../../profile/profile-types.ts';
import { bodyProfile } from './body-profile.ts';

/** A message's documents as read (kinds from content), and what its own text says about the applicant. */
export interface ReadMessage {
  documents: DocumentFacts[];
  bodyProfile: DocumentProfile | null;
}

/**
 * Reads these documents of a message off the event loop, within the message's budget (`extraction.message*`), and
 * profiles the message's own text.
 */
export async function readMessage(
  reader: DocumentReader,
  documents: readonly DocumentFacts[],
  parsed: Pick<ParsedMessage, 'contents' | 'text'>,
  context: { keywords: readonly string[]; applicantName: string; applicantsNamed?: boolean },
  budget: MessageBudget,
): Promise<ReadMessage> {
  return {
    documents: await readDocuments(reader, documents, parsed.contents, context, budget),
    bodyProfile: bodyProfile(parsed.text, context.keywords, context.applicantName),
  };
}

/**
 * An application's documents not recorded yet (`unread`) as read: taken from the reading done while planning when
 * there was one (an open call decided by its attachments), else read now (readMessage); its own text profiled.
 */
export async function readApplication(
  reader: DocumentReader,
  unread: readonly DocumentFacts[],
  parsed: Pick<ParsedMessage, 'contents' | 'text'>,
  application: {
    reading: { keywords: readonly string[]; applicantName: string };
    read: readonly DocumentFacts[] | null;
  },
  budget: MessageBudget,
): Promise<ReadMessage> {
  const { reading, read } = application;
  if (read === null) return readMessage(reader, unread, parsed, reading, budget);
  const wanted = new Set(unread.map((document) => document.index));
  return {
    documents: read.filter((document) => wanted.has(document.index)),
    bodyProfile: bodyProfile(parsed.text, reading.keywords, reading.applicantName),
  };
}
