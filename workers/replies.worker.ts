import type { Job } from 'bullmq';
import { markAnswered } from '../src/adapters/imap/mark-answered.ts';
import { runStage } from '../src/adapters/queues/run-stage.ts';
import { shortHash } from '../src/adapters/redis/redis-keys.ts';
import type { CandidateFlag, CandidateRecord, MessageRecord } from '../src/candidates/candidate-record.ts';
import type { MailboxConfig, VacancyConfig } from '../src/config/schema.ts';
import { deliverReply, type DeliveryOutcome } from '../src/daemon/deliver-reply.ts';
import type { ReplyServices } from '../src/daemon/reply-services.ts';
import type { StageDependencies } from '../src/daemon/stage-dependencies.ts';
import { TriageError } from '../src/errors/triage-error.ts';
import { replyJobSchema, type ReplyJob } from '../src/pipeline/jobs.ts';
import { candidateAsOf } from '../src/replies/candidate-as-of.ts';
import { planReply } from '../src/replies/plan-reply.ts';

/** The reply stage: a candidate's acknowledgement (or closed, complete, receipt), delivered at most once. */
export function repliesProcessor(
  deps: StageDependencies,
  services: ReplyServices,
): (job: Job) => Promise<DeliveryOutcome> {
  return (job) =>
    runStage(job, replyJobSchema, (payload) => reply(deps, services, payload, `${job.id ?? ''}`));
}

interface ReplyScene {
  candidate: CandidateRecord;
  message: MessageRecord;
  vacancy: VacancyConfig;
  mailbox: MailboxConfig;
}

async function reply(
  deps: StageDependencies,
  services: ReplyServices,
  payload: ReplyJob,
  jobId: string,
): Promise<DeliveryOutcome> {
  const scene = await loadScene(deps, payload);
  if (!scene) return { sent: false, reason: 'candidate or message no longer known' };
  const { candidate, message, vacancy, mailbox } = scene;
  const templates = services.templates.get(vacancy.id);
  if (!templates) throw new TriageError('config-invalid', `no templates loaded for vacancy ${vacancy.id}`);
  const openVacancies = deps.config.vacancies.filter((open) => open.mailbox === mailbox.id);
  return deliverReply(deps, services, {
    ledgerKey: deps.keys.replyLedger(vacancy.id, shortHash(candidate.email), payload.kind),
    ttlMs: payload.kind === 'receipt' ? deps.config.replies.followUpWindowHours * 3600_000 : 0,
    recipient: recipientOf(candidate, message),
    idSeed: payload.kind === 'receipt' ? payload.messageKey : undefined,
    noReply: message.noReply,
    mailbox,
    plan: () => {
      // The reply describes the application as of the message it answers, whatever has been merged since;
      // "complete" is about everything received (an earlier message may have been merged after a later one).
      const asOf =
        payload.kind === 'complete'
          ? candidate
          : candidateAsOf(candidate, message, vacancy.documents.required);
      const recipient = recipientOf(candidate, message);
      const answered =
        recipient === message.replyTo?.address
          ? message
          : { ...message, replyTo: { name: candidate.name, address: recipient } };
      return planReply(
        { kind: payload.kind, candidate: asOf, message: answered, vacancy, mailbox, openVacancies },
        templates,
      );
    },
    record: async (entry) => {
      const flag: CandidateFlag | undefined =
        entry.status === 'failed'
          ? 'reply-failed'
          : entry.status === 'unconfirmed'
            ? 'reply-unconfirmed'
            : undefined;
      await deps.store.recordReply(candidate.id, { ...entry, at: new Date().toISOString() }, flag);
    },
    answer: () => answerOriginal(deps, scene),
    logger: deps.logger.child({
      component: 'replies',
      job: jobId,
      candidate: candidate.id,
      kind: payload.kind,
    }),
    jobId,
  });
}

async function loadScene(deps: StageDependencies, payload: ReplyJob): Promise<ReplyScene | null> {
  const candidate = await deps.store.get(payload.candidateId);
  const message = candidate?.messages.find((entry) => entry.key === payload.messageKey);
  const vacancy = deps.config.vacancies.find((entry) => entry.id === payload.vacancy);
  const mailbox = deps.config.mailboxes.find((entry) => entry.id === message?.mailbox);
  return candidate && message && vacancy && mailbox ? { candidate, message, vacancy, mailbox } : null;
}

// \Answered on the original, in the folder it was filed in.
async function answerOriginal(deps: StageDependencies, scene: ReplyScene): Promise<void> {
  const { message, mailbox } = scene;
  const messageId = message.messageId;
  if (!messageId) return;
  await deps.connections.withFolder(mailbox.id, message.filedTo ?? mailbox.watch, (client) =>
    markAnswered(client, messageId),
  );
}

// Reply-To (else From) of the applicant's own mail; a message merged into the candidate from someone else (a
// referee answering in the applicant's thread) is answered to the applicant, never to that third party.
function recipientOf(candidate: CandidateRecord, message: MessageRecord): string {
  if (message.sender !== '' && message.sender !== candidate.email) return candidate.email;
  return message.replyTo?.address ?? candidate.email;
}
