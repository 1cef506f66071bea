import type {
  CandidateFlag,
  CandidateRecord,
  FiledUidRecord,
  HistoryEntry,
  ReplyRecord,
} from './candidate-record.ts';
import { isInReview } from './review-state.ts';

/** The id a new candidate of a vacancy gets from the (keyed) hash of the applicant's address. */
export function newCandidateId(vacancyId: string, addressHash: string): string {
  return `${vacancyId}-${addressHash.slice(0, 12)}`;
}

/**
 * The record with a message's filing folder (and its UID there, when known; a filing that found the message gone
 * keeps the UID an earlier one recorded) set and, unless a message already holds it or the record is a review item
 * (isInReview: the acknowledgement waits for a tagged message), the candidate's acknowledgement given to this
 * message. Pure.
 */
export function withFiling(
  record: CandidateRecord,
  messageKey: string,
  folder: string,
  filedUid: FiledUidRecord | null = null,
): CandidateRecord {
  return {
    ...record,
    acknowledges: record.acknowledges ?? (heldForReview(record, messageKey) ? null : messageKey),
    messages: record.messages.map((message) => {
      if (message.key !== messageKey) return message;
      const { filedUid: earlier, ...rest } = message;
      const uid = filedUid ?? (message.filedTo === folder ? earlier : undefined);
      return { ...rest, filedTo: folder, ...(uid === undefined ? {} : { filedUid: uid }) };
    }),
  };
}

/** Whether a message waits in review: merged into a review item, or of a record that still is one. */
function heldForReview(record: CandidateRecord, messageKey: string): boolean {
  const message = record.messages.find((entry) => entry.key === messageKey);
  return message?.heldForReview === true || isInReview(record);
}

/** The record with what became of a reply, and a flag with it when given. Pure. */
export function withReply(
  record: CandidateRecord,
  reply: ReplyRecord,
  flag?: CandidateFlag,
): CandidateRecord {
  // A reply sent is recorded once (by its Message-ID), also when a retry records what an attempt that died after
  // sending had not recorded yet.
  const known =
    reply.status === 'sent' &&
    record.replies.some((entry) => entry.status === 'sent' && entry.detail === reply.detail);
  return {
    ...record,
    replies: known ? record.replies : [...record.replies, reply],
    flags: flag && !record.flags.includes(flag) ? [...record.flags, flag].sort() : record.flags,
  };
}

/** The record with one more entry in its history. Pure. */
export function withHistory(record: CandidateRecord, entry: HistoryEntry): CandidateRecord {
  return { ...record, history: [...record.history, entry] };
}
