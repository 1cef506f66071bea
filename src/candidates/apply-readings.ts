import type { DocumentKind } from '../domain/document-kinds.ts';
import type { DocumentFacts } from '../documents/document-facts.ts';
import { missingKinds } from '../domain/document-kinds.ts';
import type { DocumentProfile } from '../profile/profile-types.ts';
import type { CandidateFlag, CandidateRecord } from './candidate-record.ts';
import { documentFlags } from './document-flags.ts';

/**
 * Records what reading a message's documents gave: each of its documents not read yet takes its kind and reading
 * (matched by SHA-256), the message its body profile; `missing` and the document flags are recomputed. Applying
 * the same readings twice changes nothing. Pure.
 */
export function applyReadings(
  record: CandidateRecord,
  messageKey: string,
  read: readonly DocumentFacts[],
  bodyProfile: DocumentProfile | null,
  required: readonly DocumentKind[],
): CandidateRecord {
  const bySha = new Map(read.map((document) => [document.sha256, document]));
  const documents = record.documents.map((document) => {
    const reading = bySha.get(document.sha256);
    return document.message === messageKey && document.reading === null && reading?.reading
      ? { ...document, kind: reading.kind, reading: reading.reading }
      : document;
  });
  const flags = new Set<CandidateFlag>([...record.flags, ...documentFlags(documents, record.name)]);
  return {
    ...record,
    documents,
    missing: missingKinds(required, documents),
    flags: [...flags].sort(),
    messages: record.messages.map((message) =>
      message.key === messageKey ? { ...message, bodyProfile } : message,
    ),
  };
}

/** The documents of a message still to be read: recorded without a reading, with their attachment index. */
export function unreadDocuments(
  record: CandidateRecord,
  messageKey: string,
  described: readonly DocumentFacts[],
): DocumentFacts[] {
  const pending = new Set(
    record.documents
      .filter((document) => document.message === messageKey && document.reading === null)
      .map((document) => document.sha256),
  );
  const seen = new Set<string>();
  return described.filter(
    (document) =>
      pending.has(document.sha256) && !seen.has(document.sha256) && Boolean(seen.add(document.sha256)),
  );
}
