import type { CandidateRecord, MessageRecord } from './candidate-record.ts';

/**
 * Whether a record is a review item, not a candidate: it has a near miss (a message whose tag nearly matched) and
 * no message that named the vacancy itself (by its tag or an open call's topics); follow-ups in its thread keep it
 * in review. A later tagged message from the same sender makes it a candidate. Pure.
 */
export function isInReview(record: Pick<CandidateRecord, 'messages'>): boolean {
  return (
    record.messages.some((message) => message.match === 'near-miss') &&
    !record.messages.some((message) => NAMES_VACANCY.has(message.match))
  );
}

/** The record's first near-miss message (what the review is about), or null. Pure. */
export function nearMissMessage(record: Pick<CandidateRecord, 'messages'>): MessageRecord | null {
  return record.messages.find((message) => message.match === 'near-miss') ?? null;
}

/** Records split into candidates and review items (isInReview), each in the order given. Pure. */
export function splitReview(records: readonly CandidateRecord[]): {
  candidates: CandidateRecord[];
  review: CandidateRecord[];
} {
  return {
    candidates: records.filter((record) => !isInReview(record)),
    review: records.filter((record) => isInReview(record)),
  };
}

const NAMES_VACANCY: ReadonlySet<MessageRecord['match']> = new Set(['exact', 'variant', 'topic']);
