import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import type { RepliesConfig, VacancyConfig } from '../../config/schema.ts';
import type { ReplyJob } from '../replies/reply-job.ts';
import { chooseReplyKind } from './choose-reply-kind.ts';

/**
 * The reply a filed message calls for, as a reply job (null: none), from the candidate as saved with the filing
 * (which decides which message holds the acknowledgement). Pure.
 */
export function planAssessReply(
  candidate: CandidateRecord,
  messageKey: string,
  vacancy: VacancyConfig | undefined,
  replies: Pick<RepliesConfig, 'completion' | 'followUpReceipts'> &
    Partial<Pick<RepliesConfig, 'resendRequest'>>,
): ReplyJob | null {
  if (!vacancy) return null;
  const kind = chooseReplyKind(
    candidate,
    messageKey,
    {
      required: vacancy.documents.required,
      deadline: vacancy.deadline,
      answersEnquiries: vacancy.tag === undefined ? vacancy.answerEnquiries : null,
    },
    replies,
  );
  return kind === null ? null : { candidateId: candidate.id, vacancy: vacancy.id, kind, messageKey };
}
