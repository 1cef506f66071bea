import type { CandidateRecord, MessageRecord } from '../../candidates/candidate-record.ts';
import { nearMissMessage, splitReview } from '../../candidates/review-state.ts';

/** What a vacancy's digest asks the supervisor to look at besides the candidates: near misses and questions. */
export interface DigestAttention {
  /** Review items new or changed since the previous digest ("possibly applications"), each with its near miss. */
  review: Array<{ record: CandidateRecord; message: MessageRecord }>;
  /** Questions of candidates that arrived less than `questionDays` ago ("waiting for your answer"), oldest first. */
  questions: Array<{ candidate: CandidateRecord; message: MessageRecord }>;
}

/**
 * What needs the supervisor in a vacancy's digest: the review items among the records changed since the previous
 * one, and every candidate's question (a message without documents that asks something, other than the one their
 * acknowledgement answers) received within `questionDays` before `now` — a question stays listed that long, since
 * the daemon cannot see whether it was answered. Pure.
 */
export function digestAttention(
  records: readonly CandidateRecord[],
  changedIds: ReadonlySet<string>,
  options: { now: string; questionDays: number },
): DigestAttention {
  const { candidates, review } = splitReview(records);
  const since = Date.parse(options.now) - options.questionDays * 86_400_000;
  return {
    review: review.flatMap((record) => {
      const message = nearMissMessage(record);
      return changedIds.has(record.id) && message !== null ? [{ record, message }] : [];
    }),
    questions: candidates
      .flatMap((candidate) => {
        const acknowledged = candidate.acknowledges ?? candidate.messages[0]?.key;
        return candidate.messages
          .filter((message) => message.question !== undefined && message.key !== acknowledged)
          .filter((message) => Date.parse(message.receivedAt) >= since)
          .map((message) => ({ candidate, message }));
      })
      .sort((a, b) => a.message.receivedAt.localeCompare(b.message.receivedAt)),
  };
}
