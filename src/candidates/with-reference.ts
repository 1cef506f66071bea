import { missingKinds, type DocumentKind } from '../domain/document-kinds.ts';
import type { CandidateRecord } from './candidate-record.ts';
import { withHistory } from './candidate-updates.ts';
import type { HeldReference, ReferenceLink } from './held-reference.ts';

/**
 * The record with a referee's mail linked: its letter among the documents (a file already received is not listed
 * again), `missing` recomputed, the referee remembered, and a `reference` history entry with the evidence. Linking
 * the same mail again changes nothing. Pure.
 */
export function withReference(
  record: CandidateRecord,
  held: HeldReference,
  link: ReferenceLink,
  required: readonly DocumentKind[],
  at: string,
): CandidateRecord {
  if (record.references.some((reference) => reference.key === held.key)) return record;
  const known = new Set(record.documents.map((document) => document.sha256));
  const added = held.documents
    .filter((document) => !known.has(document.sha256) && known.add(document.sha256))
    .map((document) => ({ ...document, message: held.key }));
  const documents = [...record.documents, ...added];
  const linked: CandidateRecord = {
    ...record,
    documents,
    missing: missingKinds(required, documents),
    references: [
      ...record.references,
      {
        key: held.key,
        messageId: held.messageId,
        subject: held.subject,
        receivedAt: held.receivedAt,
        referee: held.referee,
        linkedBy: { rule: link.rule, detail: link.detail },
        filedTo: null,
        mailbox: held.mailbox,
        noReply: held.noReply,
      },
    ],
  };
  const referee = held.referee.name || held.referee.address;
  return withHistory(linked, {
    at,
    action: 'reference',
    by: 'daemon',
    detail: `letter from ${referee} (${held.key}) linked by ${link.rule}: ${link.detail}; ${held.evidence}`,
  });
}

/** The record with the folder a linked referee's mail was filed in. Pure. */
export function withReferenceFiled(record: CandidateRecord, key: string, folder: string): CandidateRecord {
  return {
    ...record,
    references: record.references.map((reference) =>
      reference.key === key ? { ...reference, filedTo: folder } : reference,
    ),
  };
}
