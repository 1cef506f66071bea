import type { Config } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { CandidateRecords } from '../../ports/candidate-records.ts';
import type { MailboxGateway } from '../../ports/mailbox-gateway.ts';
import type { JobQueue } from '../../ports/stage-stores.ts';
import { replyJobId, type ReplyJob } from '../replies/reply-job.ts';
import type { AssessJob } from './assess-job.ts';
import { planAssessReply } from './plan-assess.ts';

/** What the assess stage uses. */
export interface AssessStagePorts {
  config: Pick<Config, 'vacancies' | 'mailboxes' | 'replies'>;
  candidates: CandidateRecords;
  gateway: MailboxGateway;
  replies: JobQueue<ReplyJob>;
  logger: Logger;
}

/** What assessing one application message did. */
export type AssessOutcome = { status: 'filed' | 'already-filed' | 'no-candidate'; folder?: string };

/**
 * The assess stage: file the message under its vacancy (a review item's in the mailbox's review folder), record
 * where, and queue the reply it calls for.
 */
export async function runAssess(
  ports: AssessStagePorts,
  payload: AssessJob,
  jobId: string,
): Promise<AssessOutcome> {
  const logger = ports.logger.child({ component: 'assess', job: jobId });
  const mailbox = ports.config.mailboxes.find((candidate) => candidate.id === payload.mailbox);
  const candidate = await ports.candidates.get(payload.candidateId);
  if (!mailbox || !candidate) return { status: 'no-candidate' };
  const message = candidate.messages.find((entry) => entry.key === payload.messageKey);
  const filed = await ports.gateway.file(
    mailbox,
    { uidValidity: payload.uidValidity, uid: payload.uid, messageId: message?.messageId ?? null },
    payload.vacancy,
    // Decided when the message was merged, so that a retry files it where the first attempt did.
    { review: message?.heldForReview === true },
  );
  const filedUid = filed.status === 'moved' ? filed.filed : null;
  const claimed =
    (await ports.candidates.markFiled(candidate.id, payload.messageKey, filed.folder, filedUid)) ?? candidate;
  const vacancy = ports.config.vacancies.find((entry) => entry.id === payload.vacancy);
  const reply = planAssessReply(claimed, payload.messageKey, vacancy, ports.config.replies);
  if (reply !== null) await ports.replies.add('reply', reply, { jobId: replyJobId(reply) });
  logger.info(
    { candidate: candidate.id, folder: filed.folder, status: filed.status, reply: reply?.kind ?? null },
    'application filed',
  );
  return { status: filed.status === 'moved' ? 'filed' : 'already-filed', folder: filed.folder };
}
