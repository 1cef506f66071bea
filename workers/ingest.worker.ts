import type { Job } from 'bullmq';
import { fetchMessage } from '../src/adapters/imap/fetch-message.ts';
import { ReplyGuards } from '../src/adapters/redis/reply-guards.ts';
import type { ParsedMessage } from '../src/ingest/parse-message.ts';
import type { Logger } from '../src/logging/create-logger.ts';
import { bounceReferences, failedRecipients } from '../src/replies/failed-recipients.ts';
import { isReplyMessageId } from '../src/replies/reply-headers.ts';
import { runStage } from '../src/adapters/queues/run-stage.ts';
import { applyReadings, unreadDocuments } from '../src/candidates/apply-readings.ts';
import type { CandidateRecord } from '../src/candidates/candidate-record.ts';
import type { DocumentKind } from '../src/config/schema.ts';
import { readDocuments } from '../src/documents/read-documents.ts';
import { bodyProfile } from '../src/ingest/body-profile.ts';
import { markSeen } from '../src/adapters/redis/seen-store.ts';
import { faultPoint } from '../src/daemon/fault-point.ts';
import { exportDocuments } from '../src/candidates/export-documents.ts';
import type { StageDependencies } from '../src/daemon/stage-dependencies.ts';
import { messageKey } from '../src/ingest/message-key.ts';
import { triageMessage, type DocumentFacts } from '../src/ingest/triage-message.ts';
import {
  assessJobId,
  enquiryJobId,
  ingestJobSchema,
  type AssessJob,
  type EnquiryJob,
  type IngestJob,
} from '../src/pipeline/jobs.ts';
import { mentionsVacancy } from '../src/replies/mentions-vacancy.ts';

/** What ingesting one message did. */
export type IngestOutcome =
  | { status: 'stale' | 'gone' }
  | { status: 'skipped'; kind: string; rule: string }
  | { status: 'created' | 'merged' | 'duplicate'; candidateId: string };

/** The ingest stage: fetch, parse, classify, match the vacancy, merge into the candidate, queue the assessment. */
export function ingestProcessor(deps: StageDependencies): (job: Job) => Promise<IngestOutcome> {
  return (job) => runStage(job, ingestJobSchema, (payload) => ingest(deps, payload, job.id ?? ''));
}

async function ingest(deps: StageDependencies, payload: IngestJob, jobId: string): Promise<IngestOutcome> {
  const mailbox = deps.config.mailboxes.find((candidate) => candidate.id === payload.mailbox);
  if (!mailbox) return { status: 'gone' };
  const logger = deps.logger.child({ component: 'ingest', job: jobId });
  const fetched = await deps.connections.withFolder(mailbox.id, mailbox.watch, (client) =>
    fetchMessage(client, payload, deps.config.limits),
  );
  if (fetched.status !== 'ok') {
    logger.info({ status: fetched.status }, 'message no longer at its UID; skipped');
    return fetched;
  }
  faultPoint('ingest-after-fetch');
  const { facts } = fetched.parsed;
  const key = messageKey(facts);
  const thread = await deps.store.findByThread(
    [facts.inReplyTo, ...facts.references].filter((id) => id !== null),
  );
  const result = triageMessage(facts, {
    config: deps.config,
    mailbox,
    ownAddresses: deps.ownAddresses,
    threadVacancy: thread?.vacancy ?? null,
    receivedAt: fetched.receivedAt,
  });
  const { classification, vacancy, applicant } = result;
  const vacancyConfig = deps.config.vacancies.find((candidate) => candidate.id === vacancy?.id);
  if (classification.kind === 'bounce') await suppressBouncedRecipients(deps, fetched.parsed, logger);
  if (classification.kind === 'untagged') {
    await queueEnquiryReply(deps, mailbox.id, fetched.parsed, key, classification.replySuppressed);
  }
  if (classification.kind !== 'application' || !vacancy || !vacancyConfig || !applicant) {
    await markSeen(deps.redis, deps.keys.seen(mailbox.id), key, {
      kind: classification.kind,
      vacancy: null,
      candidateId: null,
      at: new Date().toISOString(),
    });
    logger.info(
      { kind: classification.kind, rule: classification.rule },
      'not an application; left in place',
    );
    return { status: 'skipped', kind: classification.kind, rule: classification.rule };
  }
  // Recorded before the documents are read, so that a follow-up in its thread finds it however long that takes.
  const merged = await deps.store.upsert(
    { id: vacancy.id, required: vacancyConfig.documents.required },
    {
      message: {
        key,
        messageId: facts.messageId,
        subject: facts.subject,
        receivedAt: fetched.receivedAt,
        mailbox: mailbox.id,
        uidValidity: payload.uidValidity,
        uid: payload.uid,
        match: vacancy.match,
        sender: applicant.address,
        replyTo: facts.replyTo[0] ?? facts.from,
        references: [...facts.references.slice(-9), facts.messageId].filter((id) => id !== null),
        noReply: classification.replySuppressed,
        bodyProfile: null,
      },
      applicant,
      documents: result.documents,
      flags: result.flags,
    },
    thread?.vacancy === vacancy.id ? thread.candidateId : null,
  );
  const candidateId = merged.record.id;
  await readAndRecord(deps, merged.record, key, fetched.parsed, result.documents, {
    required: vacancyConfig.documents.required,
    keywords: vacancyConfig.keywords,
    applicantName: applicant.name,
  });
  if (deps.config.export && merged.outcome !== 'duplicate') {
    await exportDocuments(deps.config.export.dir, candidateId, result.documents, fetched.parsed.contents);
  }
  await markSeen(deps.redis, deps.keys.seen(mailbox.id), key, {
    kind: 'application',
    vacancy: vacancy.id,
    candidateId,
    at: new Date().toISOString(),
  });
  // Queued even for a duplicate: a crash after the merge and before this line is repaired by the retry.
  const assess: AssessJob = { ...payload, candidateId, vacancy: vacancy.id, messageKey: key };
  await deps.queues.assess.add('message', assess, { jobId: assessJobId(assess) });
  logger.info(
    { outcome: merged.outcome, candidate: candidateId, vacancy: vacancy.id, match: vacancy.match },
    'application recorded',
  );
  return { status: merged.outcome, candidateId };
}

// Reads the message's documents not read yet (none after a crash that came after this step) and records them.
async function readAndRecord(
  deps: StageDependencies,
  record: CandidateRecord,
  key: string,
  parsed: ParsedMessage,
  described: readonly DocumentFacts[],
  vacancy: { required: readonly DocumentKind[]; keywords: readonly string[]; applicantName: string },
): Promise<void> {
  const { required, ...context } = vacancy;
  const read = await readDocuments(
    deps.reader,
    unreadDocuments(record, key, described),
    parsed.contents,
    context,
  );
  const body = bodyProfile(parsed.text, context.keywords, context.applicantName);
  await deps.store.update(record.id, (current) => applyReadings(current, key, read, body, required));
}

// A bounce of one of our own replies: its failed recipients get no further replies for a while.
async function suppressBouncedRecipients(
  deps: StageDependencies,
  parsed: ParsedMessage,
  logger: Logger,
): Promise<void> {
  if (!bounceReferences(parsed).some(isReplyMessageId)) return;
  const recipients = failedRecipients(parsed);
  const until = new Date(Date.now() + deps.config.replies.bounceSuppressionDays * 24 * 3600_000);
  const guards = new ReplyGuards(deps.redis, deps.keys);
  for (const recipient of recipients) await guards.suppressBounced(recipient, until);
  if (recipients.length > 0)
    logger.info({ count: recipients.length }, 'bounced reply: recipients suppressed');
}

// Untagged mail that clearly names a vacancy gets (once, when enabled) a reply listing the vacancies and their tags.
async function queueEnquiryReply(
  deps: StageDependencies,
  mailboxId: string,
  parsed: ParsedMessage,
  key: string,
  noReply: EnquiryJob['noReply'],
): Promise<void> {
  const { facts } = parsed;
  const to = facts.replyTo[0] ?? facts.from;
  if (!deps.config.replies.enquiries || !to) return;
  const vacancies = deps.config.vacancies.filter((vacancy) => vacancy.mailbox === mailboxId);
  const mention = mentionsVacancy(facts.subject, parsed.text, vacancies);
  if (!mention) return;
  const job: EnquiryJob = {
    mailbox: mailboxId,
    vacancy: mention.vacancyId,
    messageKey: key,
    messageId: facts.messageId,
    subject: facts.subject,
    references: [...facts.references.slice(-9), facts.messageId].filter((id) => id !== null),
    to,
    noReply,
  };
  await deps.queues.enquiries.add('enquiry', job, { jobId: enquiryJobId(job) });
}
