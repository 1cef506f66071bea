import type { DocumentKind } from '../domain/document-kinds.ts';
import type { DocumentFacts } from '../documents/document-facts.ts';
import { missingKinds } from '../domain/document-kinds.ts';
import type { MailAddress, MessageFacts } from '../mail/message-facts.ts';
import {
  compareArrival,
  type CandidateFlag,
  type CandidateRecord,
  type MessageRecord,
} from './candidate-record.ts';
import { documentFlags } from './document-flags.ts';
import { isInReview } from './review-state.ts';
import { withHistory } from './candidate-updates.ts';

/** One application message, ready to be merged into its candidate. */
export interface IncomingApplication {
  message: Omit<MessageRecord, 'filedTo'>;
  applicant: MailAddress;
  documents: DocumentFacts[];
  flags: CandidateFlag[];
}

/** What identifies a message and where it is, as its record keeps it. */
export type MessagePlace = Pick<
  MessageRecord,
  'key' | 'messageId' | 'subject' | 'receivedAt' | 'mailbox' | 'uidValidity' | 'uid' | 'references'
>;

/**
 * A message's identity and place for its record; for threading, the last nine of its References and its own
 * Message-ID. Pure.
 */
export function messagePlace(
  facts: Pick<MessageFacts, 'messageId' | 'subject' | 'references'>,
  key: string,
  at: { mailbox: string; uidValidity: string; uid: number; receivedAt: string },
): MessagePlace {
  return {
    key,
    messageId: facts.messageId,
    subject: facts.subject,
    receivedAt: at.receivedAt,
    mailbox: at.mailbox,
    uidValidity: at.uidValidity,
    uid: at.uid,
    references: [...facts.references.slice(-9), facts.messageId].filter((id) => id !== null),
  };
}

/** The merged record and what the merge did. */
export interface MergeResult {
  record: CandidateRecord;
  outcome: 'created' | 'merged' | 'duplicate';
}

/**
 * Merges a message into a candidate (or creates one). The same message twice is a `duplicate` and changes
 * nothing; a document already received (same SHA-256) is not listed again and flags `duplicate-document`.
 */
export function mergeCandidate(
  existing: CandidateRecord | null,
  candidate: { id: string; vacancy: string; required: readonly DocumentKind[] },
  incoming: IncomingApplication,
): MergeResult {
  if (existing?.messages.some((message) => message.key === incoming.message.key)) {
    return { record: existing, outcome: 'duplicate' };
  }
  const base =
    existing ??
    emptyCandidate(
      candidate.vacancy,
      { id: candidate.id, email: incoming.applicant.address, name: '' },
      incoming.message.receivedAt,
    );
  const known = new Set(base.documents.map((document) => document.sha256));
  // The same file twice in one message counts as received once, like a file sent again later.
  const added = incoming.documents.filter(
    (document) => !known.has(document.sha256) && known.add(document.sha256),
  );
  const flags = new Set<CandidateFlag>([...base.flags, ...incoming.flags]);
  if (added.length < incoming.documents.length) flags.add('duplicate-document');
  const documents: CandidateRecord['documents'] = [
    ...base.documents,
    ...added.map(({ filename, safeName, within, kind, contentType, size, sha256, reading }) => ({
      filename,
      safeName,
      within,
      kind,
      contentType,
      size,
      sha256,
      message: incoming.message.key,
      reading,
    })),
  ];
  const name = base.name || incoming.applicant.name;
  for (const flag of documentFlags(documents, name)) flags.add(flag);
  const record: CandidateRecord = {
    ...base,
    name,
    documents,
    missing: missingKinds(candidate.required, documents),
    flags: [...flags].sort(),
    messages: [...base.messages, { ...incoming.message, filedTo: null }].sort(compareArrival),
    firstSeen: min(base.firstSeen, incoming.message.receivedAt),
    lastSeen: max(base.lastSeen, incoming.message.receivedAt),
  };
  if (isInReview(record))
    record.messages = record.messages.map((message) =>
      message.key === incoming.message.key ? { ...message, heldForReview: true as const } : message,
    );
  const resolved = existing !== null && isInReview(existing) && !isInReview(record);
  return {
    record: resolved
      ? withHistory(record, {
          at: incoming.message.receivedAt,
          action: 'review-resolved',
          by: 'daemon',
          detail: `message ${incoming.message.key} (${incoming.message.match} tag) makes the review item a candidate`,
        })
      : record,
    outcome: existing === null ? 'created' : 'merged',
  };
}

function min(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}

function max(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}

/** A candidate with nothing yet: no message, document, reply, reference or history. Pure. */
export function emptyCandidate(
  vacancy: string,
  who: { id: string; email: string; name: string },
  receivedAt: string,
): CandidateRecord {
  return {
    id: who.id,
    vacancy,
    name: who.name,
    email: who.email,
    documents: [],
    missing: [],
    flags: [],
    messages: [],
    replies: [],
    acknowledges: null,
    firstSeen: receivedAt,
    lastSeen: receivedAt,
    references: [],
    history: [],
  };
}
