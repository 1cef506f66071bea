import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { CandidateErasure, MailRemoval } from '../ports/erasure-ports.ts';

/** The counts an anonymised candidate leaves in their vacancy's statistics: nothing that identifies anyone. */
export type ErasureStatistics = Record<string, number>;

/** What erasing a candidate removes. Pure. */
export function planCandidateErasure(
  record: CandidateRecord,
  addressHash: string,
  removal: MailRemoval,
): CandidateErasure {
  const threadIds = new Set<string>();
  for (const message of record.messages) {
    threadIds.add(message.key);
    if (message.messageId) threadIds.add(message.messageId.toLowerCase());
  }
  return {
    candidateId: record.id,
    vacancy: record.vacancy,
    addressHash,
    threadIds: [...threadIds],
    seen: record.messages.map((message) => ({ mailbox: message.mailbox, key: message.key })),
    mail: [
      ...record.messages.flatMap((message) =>
        message.filedTo !== null && message.messageId !== null
          ? [{ mailbox: message.mailbox, folder: message.filedTo, messageId: message.messageId }]
          : [],
      ),
      ...decidedMail(record),
    ],
    removal,
  };
}

// The message the supervisor moved into a status folder is there, no longer in its filing folder.
function decidedMail(record: CandidateRecord): CandidateErasure['mail'] {
  const decision = record.decision;
  const message = record.messages.find((entry) => entry.key === decision?.message);
  if (!decision || decision.via !== 'folder' || !message?.messageId) return [];
  return [{ mailbox: message.mailbox, folder: decision.folder, messageId: message.messageId }];
}

/**
 * The statistics an anonymised candidate adds to their vacancy: one candidate, their documents by kind, the
 * replies sent, their flags and what was missing. Pure.
 */
export function erasureStatistics(record: CandidateRecord): ErasureStatistics {
  const counts: ErasureStatistics = { candidates: 1, messages: record.messages.length };
  const add = (field: string) => {
    counts[field] = (counts[field] ?? 0) + 1;
  };
  for (const document of record.documents) add(`documents:${document.kind}`);
  for (const reply of record.replies) add(`replies:${reply.kind}:${reply.status}`);
  for (const flag of record.flags) add(`flags:${flag}`);
  for (const kind of record.missing) add(`missing:${kind}`);
  return counts;
}
