import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import type { RepliesConfig } from '../../config/schema.ts';
import type { DocumentKind } from '../../domain/document-kinds.ts';
import { missingKinds } from '../../domain/document-kinds.ts';
import type { ReplyKind } from '../../domain/reply-kinds.ts';
import { isInReview } from '../../candidates/review-state.ts';

/**
 * Which reply a just-filed message calls for, from the candidate as merged so far. Pure.
 * The message holding the acknowledgement (`acknowledges`, else the first message) gets it (`closed` when it came
 * after the deadline); another that supplies the last missing document gets `complete`; other follow-ups get a
 * `receipt` when enabled, except a question (it waits for the supervisor's own answer). An open call's enquirer
 * gets one `information` reply when the call answers enquiries, and nothing else. A review item (isInReview) and a
 * message held for review get nothing, unless `resendRequest` is on: then a review item's near miss gets one
 * `resend-request` (the ledger keeps it to one per sender and vacancy).
 */
export function chooseReplyKind(
  candidate: CandidateRecord,
  messageKey: string,
  vacancy: {
    required: readonly DocumentKind[];
    deadline?: string | undefined;
    answersEnquiries?: boolean | null;
  },
  replies: Pick<RepliesConfig, 'completion' | 'followUpReceipts'> &
    Partial<Pick<RepliesConfig, 'resendRequest'>>,
): ReplyKind | null {
  const message = candidate.messages.find((entry) => entry.key === messageKey);
  if (!message) return null;
  const inReview = isInReview(candidate);
  if (inReview || message.heldForReview === true)
    return replies.resendRequest === true && inReview && message.match === 'near-miss'
      ? 'resend-request'
      : null;
  const acknowledging = (candidate.acknowledges ?? candidate.messages[0]?.key) === messageKey;
  // An open call (answersEnquiries not null): its only reply is the one with its information.
  if (vacancy.answersEnquiries != null)
    return acknowledging && vacancy.answersEnquiries ? 'information' : null;
  if (acknowledging) {
    const late =
      vacancy.deadline !== undefined && Date.parse(message.receivedAt) > Date.parse(vacancy.deadline);
    return late ? 'closed' : 'acknowledgement';
  }
  const before = missingKinds(
    vacancy.required,
    candidate.documents.filter((document) => document.message !== messageKey),
  );
  if (replies.completion && before.length > 0 && candidate.missing.length === 0) return 'complete';
  return replies.followUpReceipts && message.question === undefined ? 'receipt' : null;
}
