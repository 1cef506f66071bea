import type { CandidateRecord, MessageRecord } from '../../src/candidates/candidate-record.ts';
import type { HeldReference } from '../../src/candidates/held-reference.ts';
import type { DocumentKind } from '../../src/domain/document-kinds.ts';

/** A message record with plain defaults. */
export function messageRecord(
  key: string,
  receivedAt: string,
  changes: Partial<MessageRecord> = {},
): MessageRecord {
  return {
    key,
    messageId: key,
    subject: '[PHD-robustAI] Application',
    receivedAt,
    mailbox: 'chen',
    uidValidity: '1',
    uid: 1,
    match: 'exact',
    sender: '',
    replyTo: null,
    references: [],
    noReply: null,
    bodyProfile: null,
    filedTo: null,
    ...changes,
  };
}

/** A document of `kind` that came with message `from` (its digest is the kind: one file per kind). */
export function documentRecord(kind: DocumentKind, from: string): CandidateRecord['documents'][number] {
  return {
    filename: `${kind}.pdf`,
    safeName: `${kind}.pdf`,
    within: [],
    kind,
    contentType: 'application/pdf',
    size: 1,
    sha256: kind,
    message: from,
    reading: null,
  };
}

/** A candidate made of these messages and documents. */
export function candidateRecord(
  messages: MessageRecord[],
  documents: CandidateRecord['documents'],
  missing: DocumentKind[],
): CandidateRecord {
  return {
    id: 'robust-ai-c0ffee',
    vacancy: 'robust-ai',
    name: 'Jane',
    email: 'jane@example.org',
    documents,
    missing,
    flags: [],
    messages,
    replies: [],
    acknowledges: null,
    firstSeen: messages[0]?.receivedAt ?? '',
    lastSeen: messages.at(-1)?.receivedAt ?? '',
    history: [],
    references: [],
  };
}

/** Dr Smith's mail about Priya Raman as held for linking, with one reference letter; `changes` override. */
export function heldReference(changes: Partial<HeldReference> = {}): HeldReference {
  return {
    key: '<ref@kcl.example>',
    mailbox: 'chen',
    uidValidity: '7',
    uid: 3,
    messageId: '<ref@kcl.example>',
    subject: 'Reference for Priya Raman',
    receivedAt: '2026-11-20T09:00:00.000Z',
    referee: { name: 'Dr John Smith', address: 'j.smith@kcl.example' },
    vacancy: null,
    names: ['Priya Raman'],
    addresses: [],
    threadIds: [],
    evidence: "referee's mail (score 7)",
    noReply: null,
    documents: [documentRecord('reference', '')].map(({ message: _message, ...letter }) => ({
      ...letter,
      filename: 'Reference.pdf',
    })),
    ...changes,
  };
}
