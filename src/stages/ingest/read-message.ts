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
  context: { keywords: readonly string[]; applicantName: string },
  budget: MessageBudget,
): Promise<ReadMessage> {
  return {
    documents: await readDocuments(reader, documents, parsed.contents, context, budget),
    bodyProfile: bodyProfile(parsed.text, context.keywords, context.applicantName),
  };
}
