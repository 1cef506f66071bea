import { applyReadings, unreadDocuments } from '../../candidates/apply-readings.ts';
import { exportDocuments } from '../../candidates/export-documents.ts';
import type { Config } from '../../config/schema.ts';
import type { DocumentReader } from '../../documents/read-documents.ts';
import { faultPoint } from '../../errors/fault-point.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { ParsedMessage } from '../../mail/parse-message.ts';
import type { CandidateRecords } from '../../ports/candidate-records.ts';
import type { ReplyGuardStore, SentReplyLog } from '../../ports/delivery-ports.ts';
import type { MailboxGateway } from '../../ports/mailbox-gateway.ts';
import type { JobQueue, SeenIndex } from '../../ports/stage-stores.ts';
import { assessJobId, type AssessJob } from '../assess/assess-job.ts';
import { enquiryJobId, type EnquiryJob } from '../enquiries/enquiry-job.ts';
import type { ReplyJob } from '../replies/reply-job.ts';
import type { IngestJob } from './ingest-job.ts';
import type { InFlightBudget } from '../../ports/in-flight-budget.ts';
import { type IngestPlan, type PlannedApplication } from './plan-ingest.ts';
import { planMessage } from './plan-message.ts';
import type { SentRecipients } from '../../ports/call-ports.ts';
import { readApplication } from './read-message.ts';
import { verifyBounce } from '../replies/bounce-suppression.ts';
import type { ReferenceHolds } from '../../ports/reference-holds.ts';
import type { MailboxConfig } from '../../config/schema.ts';
import type { HeldReference } from '../../candidates/held-reference.ts';
import type { ThreadOwner } from '../../ports/candidate-records.ts';
import { linkWaitingReferences, recordReference } from './referees/record-reference.ts';

/** What the ingest stage uses. */
export interface IngestStagePorts {
  config: Pick<
    Config,
    'mailboxes' | 'vacancies' | 'replies' | 'export' | 'extraction' | 'enquirers' | 'limits'
  >;
  gateway: MailboxGateway;
  candidates: CandidateRecords;
  /** Referees' mails waiting for their applicant's candidate. */
  holds: ReferenceHolds;
  seen: SeenIndex;
  guards: Pick<ReplyGuardStore, 'suppressBounced'>;
  /** Whom our replies went to: a bounce suppresses only those. */
  sent: Pick<SentReplyLog, 'recipientsOf' | 'identify'>;
  /** The keyed hash standing for an address (in job ids). */
  addressHash: (address: string) => string;
  /** The key our replies' body tokens are signed with: a message carrying a valid token is our own. */
  replyKey: Buffer;
  assess: JobQueue<AssessJob>;
  enquiries: JobQueue<EnquiryJob>;
  /** Where a referee's receipt is queued (`replies.refereeReceipts`). */
  replies: JobQueue<ReplyJob>;
  /** Reads attachments in reading processes. */
  reader: DocumentReader;
  /** The mail this process works on at once (`workers.inFlightMb`). */
  memory: InFlightBudget;
  ownAddresses: ReadonlySet<string>;
  /** Whom each mailbox has written to: colleagues, never enquirers. */
  sentRecipients: SentRecipients;
  logger: Logger;
}

/** What ingesting one message did. */
export type IngestOutcome =
  | { status: 'stale' | 'gone' }
  | { status: 'skipped'; kind: string; rule: string }
  | { status: 'reference'; candidateId: string | null }
  | { status: 'created' | 'merged' | 'duplicate'; candidateId: string; kind: 'application' | 'review' };

/**
 * The ingest stage: fetch, parse, plan (planIngest), merge into the candidate, read, queue the assessment — within
 * the process's memory budget, by the message's size on the server (its largest possible size when not known).
 */
export function runIngest(
  ports: IngestStagePorts,
  payload: IngestJob,
  jobId: string,
): Promise<IngestOutcome> {
  const size = payload.size ?? ports.config.limits.maxMessageBytes;
  return ports.memory.run(Math.min(size, ports.config.limits.maxMessageBytes), () =>
    ingestMessage(ports, payload, jobId),
  );
}

async function ingestMessage(
  ports: IngestStagePorts,
  payload: IngestJob,
  jobId: string,
): Promise<IngestOutcome> {
  const mailbox = ports.config.mailboxes.find((candidate) => candidate.id === payload.mailbox);
  if (!mailbox) return { status: 'gone' };
  const logger = ports.logger.child({ component: 'ingest', job: jobId });
  const fetched = await ports.gateway.fetch(mailbox, payload);
  if (fetched.status !== 'ok') {
    logger.info({ status: fetched.status }, 'message no longer at its UID; skipped');
    return fetched;
  }
  try {
    return await ingestFetched(ports, mailbox, payload, fetched.parsed, fetched.receivedAt, logger);
  } finally {
    await fetched.release();
  }
}

async function ingestFetched(
  ports: IngestStagePorts,
  mailbox: MailboxConfig,
  payload: IngestJob,
  parsed: ParsedMessage,
  receivedAt: string,
  logger: Logger,
): Promise<IngestOutcome> {
  faultPoint('ingest-after-fetch');
  const { facts } = parsed;
  const thread = await ports.candidates.findByThread(
    [facts.inReplyTo, ...facts.references].filter((id) => id !== null),
  );
  const plan = await planMessage(
    parsed,
    {
      config: ports.config,
      mailbox,
      ownAddresses: ports.ownAddresses,
      replyKey: ports.replyKey,
      thread,
      location: payload,
      receivedAt,
    },
    { ...ports, unreadSent: 'wait' },
  );
  if (plan.triage.enquiry)
    logger.info({ enquiry: plan.triage.enquiry.status, rule: plan.triage.classification.rule }, 'open calls');
  await suppressBouncedRecipients(ports, plan, logger);
  if (plan.enquiry)
    await ports.enquiries.add('enquiry', plan.enquiry, {
      jobId: enquiryJobId(plan.enquiry, ports.addressHash),
    });
  const { classification } = plan.triage;
  if (plan.reference !== null) return recordRefereeMail(ports, mailbox, plan.reference, thread, logger);
  if (plan.application === null) {
    await ports.seen.markSeen(mailbox.id, plan.key, {
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
  return recordApplication(ports, mailbox, payload, parsed, plan, plan.application, logger);
}

// A referee's mail: held, and linked to its applicant's candidate when there is one; never a candidate of its own.
async function recordRefereeMail(
  ports: IngestStagePorts,
  mailbox: MailboxConfig,
  held: HeldReference,
  thread: ThreadOwner | null,
  logger: Logger,
): Promise<IngestOutcome> {
  const outcome = await recordReference(ports, mailbox, held, thread);
  const candidateId = outcome.status === 'linked' ? outcome.link.candidateId : null;
  const vacancy = candidateId === null ? held.vacancy : (await ports.candidates.get(candidateId))?.vacancy;
  await ports.seen.markSeen(mailbox.id, held.key, {
    kind: 'reference',
    vacancy: vacancy ?? null,
    candidateId,
    at: new Date().toISOString(),
  });
  const rule = outcome.status === 'linked' ? outcome.link.rule : null;
  logger.info({ status: outcome.status, candidate: candidateId, rule }, "referee's mail");
  return { status: 'reference', candidateId };
}

async function recordApplication(
  ports: IngestStagePorts,
  mailbox: MailboxConfig,
  payload: IngestJob,
  parsed: ParsedMessage,
  plan: IngestPlan,
  application: PlannedApplication,
  logger: Logger,
): Promise<IngestOutcome> {
  const { key } = plan;
  const { vacancy, incoming } = application;
  const required = vacancy.documents.required;
  // Recorded before the documents are read, so that a follow-up in its thread finds it however long that takes.
  const merged = await ports.candidates.upsert(
    { id: vacancy.id, required },
    incoming,
    application.threadCandidateId,
  );
  const candidateId = merged.record.id;
  // Also for a duplicate: a crash after the merge and before the referees' letters were linked is repaired here.
  const references = await linkWaitingReferences(ports, mailbox, merged.record);
  if (references.length > 0)
    logger.info({ candidate: candidateId, count: references.length }, "referees' mails linked");
  // Only the documents not read yet (none after a crash that came after this step).
  const unread = unreadDocuments(merged.record, key, incoming.documents);
  const read = await readApplication(ports.reader, unread, parsed, application, ports.config.extraction);
  await ports.candidates.update(candidateId, (current) =>
    applyReadings(current, key, read.documents, read.bodyProfile, required),
  );
  if (ports.config.export && merged.outcome !== 'duplicate') {
    await exportDocuments(ports.config.export.dir, candidateId, incoming.documents, parsed.contents);
  }
  await ports.seen.markSeen(payload.mailbox, key, {
    // `review`: a near miss, recorded and filed like an application but held for review.
    kind: plan.triage.classification.kind,
    vacancy: vacancy.id,
    candidateId,
    at: new Date().toISOString(),
  });
  // Queued even for a duplicate: a crash after the merge and before this line is repaired by the retry.
  const { uidValidity, uid } = payload;
  const assess: AssessJob = {
    mailbox: payload.mailbox,
    uidValidity,
    uid,
    candidateId,
    vacancy: vacancy.id,
    messageKey: key,
  };
  await ports.assess.add('message', assess, { jobId: assessJobId(assess) });
  logger.info(
    { outcome: merged.outcome, candidate: candidateId, vacancy: vacancy.id, match: incoming.message.match },
    'application recorded',
  );
  return {
    status: merged.outcome,
    candidateId,
    kind: plan.triage.classification.kind === 'review' ? 'review' : 'application',
  };
}

// Only the failed recipients that a reply the bounce names was really sent to (verifyBounce).
async function suppressBouncedRecipients(
  ports: IngestStagePorts,
  plan: IngestPlan,
  logger: Logger,
): Promise<void> {
  if (plan.bounce === null) return;
  const verdict = verifyBounce(
    plan.bounce,
    await ports.sent.recipientsOf(plan.bounce.references),
    (address) => ports.sent.identify(address),
  );
  if (verdict.suppress.length === 0) {
    if (plan.bounce.failedRecipients.length > 0)
      logger.info('bounce suppresses nobody: not of a reply we sent there');
    return;
  }
  const until = new Date(Date.now() + ports.config.replies.bounceSuppressionDays * 24 * 3600_000);
  for (const recipient of verdict.suppress) await ports.guards.suppressBounced(recipient, until);
  logger.info({ count: verdict.suppress.length }, 'bounced reply: recipients suppressed');
}
