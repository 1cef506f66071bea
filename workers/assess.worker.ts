import type { Job } from 'bullmq';
import { fileMessage } from '../src/adapters/imap/file-message.ts';
import { runStage } from '../src/adapters/queues/run-stage.ts';
import type { StageDependencies } from '../src/daemon/stage-dependencies.ts';
import { chooseReplyKind } from '../src/replies/choose-reply-kind.ts';
import { assessJobSchema, replyJobId, type AssessJob, type ReplyJob } from '../src/pipeline/jobs.ts';

/** What assessing one application message did. */
export type AssessOutcome = { status: 'filed' | 'already-filed' | 'no-candidate'; folder?: string };

/** The assess stage: file the message under its vacancy, record where, and queue the reply it calls for. */
export function assessProcessor(deps: StageDependencies): (job: Job) => Promise<AssessOutcome> {
  return (job) => runStage(job, assessJobSchema, (payload) => assess(deps, payload, job.id ?? ''));
}

async function assess(deps: StageDependencies, payload: AssessJob, jobId: string): Promise<AssessOutcome> {
  const logger = deps.logger.child({ component: 'assess', job: jobId });
  const mailbox = deps.config.mailboxes.find((candidate) => candidate.id === payload.mailbox);
  const candidate = await deps.store.get(payload.candidateId);
  if (!mailbox || !candidate) return { status: 'no-candidate' };
  const message = candidate.messages.find((entry) => entry.key === payload.messageKey);
  const filed = await deps.connections.withFolder(mailbox.id, mailbox.watch, (client) =>
    fileMessage(
      client,
      { uidValidity: payload.uidValidity, uid: payload.uid, messageId: message?.messageId ?? null },
      { filing: mailbox.filing, vacancy: payload.vacancy },
    ),
  );
  const claimed = (await deps.store.markFiled(candidate.id, payload.messageKey, filed.folder)) ?? candidate;
  const vacancy = deps.config.vacancies.find((entry) => entry.id === payload.vacancy);
  const kind = vacancy
    ? chooseReplyKind(
        claimed,
        payload.messageKey,
        { required: vacancy.documents.required, deadline: vacancy.deadline },
        deps.config.replies,
      )
    : null;
  if (kind !== null) {
    const reply: ReplyJob = {
      candidateId: candidate.id,
      vacancy: payload.vacancy,
      kind,
      messageKey: payload.messageKey,
    };
    await deps.queues.replies.add('reply', reply, { jobId: replyJobId(reply) });
  }
  logger.info(
    { candidate: candidate.id, folder: filed.folder, status: filed.status, reply: kind },
    'application filed',
  );
  return { status: filed.status === 'moved' ? 'filed' : 'already-filed', folder: filed.folder };
}
