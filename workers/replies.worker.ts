import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import { markAnswered } from '../src/adapters/imap/mark-answered.ts';
import { runStage } from '../src/adapters/queues/run-stage.ts';
import { shortHash } from '../src/adapters/redis/redis-keys.ts';
import { composeReply, parseSmtpError } from '../src/adapters/smtp/reply-transport.ts';
import type { CandidateRecord, MessageRecord, ReplyRecord } from '../src/candidates/candidate-record.ts';
import type { MailboxConfig, VacancyConfig } from '../src/config/schema.ts';
import { faultPoint } from '../src/daemon/fault-point.ts';
import type { ReplyServices } from '../src/daemon/reply-services.ts';
import type { StageDependencies } from '../src/daemon/stage-dependencies.ts';
import { TriageError } from '../src/errors/triage-error.ts';
import { replyJobSchema, type ReplyJob } from '../src/pipeline/jobs.ts';
import { checkReplyAllowed, type ReplyPermission } from '../src/replies/check-reply-allowed.ts';
import { replyMessageId } from '../src/replies/reply-headers.ts';
import { planReply } from '../src/replies/plan-reply.ts';

/** What the reply stage did. */
export type ReplyOutcome = { sent: boolean; reason: string };

/** The reply stage: check the rules, claim the ledger entry, send once, record, and mark the original \Answered. */
export function repliesProcessor(
  deps: StageDependencies,
  services: ReplyServices,
): (job: Job) => Promise<ReplyOutcome> {
  return (job) =>
    runStage(job, replyJobSchema, (payload) => reply(deps, services, payload, `${job.id ?? ''}`));
}

interface ReplyScene {
  candidate: CandidateRecord;
  message: MessageRecord;
  vacancy: VacancyConfig;
  mailbox: MailboxConfig;
}

async function reply(deps: StageDependencies, services: ReplyServices, payload: ReplyJob, jobId: string) {
  const scene = await loadScene(deps, payload);
  if (!scene) return { sent: false, reason: 'candidate or message no longer known' };
  const { candidate, message, vacancy, mailbox } = scene;
  const logger = deps.logger.child({
    component: 'replies',
    job: jobId,
    candidate: candidate.id,
    kind: payload.kind,
  });
  const recipient = message.replyTo?.address ?? candidate.email;
  const ledgerKey = deps.keys.replyLedger(vacancy.id, shortHash(candidate.email), payload.kind);
  const existing = await services.ledger.read(ledgerKey);
  if (existing?.state === 'sent') {
    await answerOriginal(deps, scene);
    return { sent: false, reason: 'already sent' };
  }
  const now = new Date();
  const messageId = replyMessageId(ledgerKey, mailbox.address);
  const permission = await checkPermission(deps, services, { recipient, message, messageId, now });
  if (!permission.allowed) {
    logger.info({ rule: permission.rule }, 'reply suppressed');
    await record(deps, candidate, {
      kind: payload.kind,
      status: 'suppressed',
      to: recipient,
      detail: permission.rule,
    });
    return { sent: false, reason: `${permission.rule}: ${permission.detail}` };
  }
  const owner = `${jobId}:${randomUUID()}`;
  const ttl = payload.kind === 'receipt' ? deps.config.replies.followUpWindowHours * 3600_000 : 0;
  const claim = await services.ledger.claim(ledgerKey, owner, messageId, ttl);
  if (claim === 'unconfirmed') {
    logger.warn('an earlier attempt died while sending this reply; not sending it again');
    await record(
      deps,
      candidate,
      { kind: payload.kind, status: 'unconfirmed', to: recipient, detail: messageId },
      true,
    );
    return { sent: false, reason: 'unconfirmed: an earlier attempt may have sent it' };
  }
  if (claim !== 'claimed') return { sent: false, reason: `already ${claim}` };
  faultPoint('reply-after-claim');
  const templates = services.templates.get(vacancy.id);
  if (!templates) throw new TriageError('config-invalid', `no templates loaded for vacancy ${vacancy.id}`);
  const openVacancies = deps.config.vacancies.filter((open) => open.mailbox === mailbox.id);
  const planned = planReply(
    { kind: payload.kind, candidate, message, vacancy, mailbox, openVacancies },
    templates,
  );
  const raw = await composeReply({ ...planned, messageId });
  if (!(await services.ledger.markSending(ledgerKey, owner)))
    return { sent: false, reason: 'taken over by another attempt' };
  try {
    await services.transports.send(mailbox, planned.to.address, raw);
  } catch (error) {
    return handleSendFailure(
      deps,
      services,
      { scene, ledgerKey, owner, recipient, kind: payload.kind },
      error,
    );
  }
  faultPoint('reply-after-send');
  await services.ledger.markSent(ledgerKey, owner);
  await record(deps, candidate, { kind: payload.kind, status: 'sent', to: recipient, detail: messageId });
  logger.info('reply sent');
  await answerOriginal(deps, scene);
  return { sent: true, reason: messageId };
}

// The rules first; then the per-address window, reserved atomically so concurrent replies cannot both pass it.
async function checkPermission(
  deps: StageDependencies,
  services: ReplyServices,
  attempt: { recipient: string; message: MessageRecord; messageId: string; now: Date },
): Promise<ReplyPermission> {
  const { recipient, message, messageId, now } = attempt;
  const { replies } = deps.config;
  const circumstances = {
    recipient,
    noReply: message.noReply,
    ownAddresses: deps.ownAddresses,
    bounced: await services.guards.isBounced(recipient, now),
    recentReplies: 0,
  };
  const permission = checkReplyAllowed(circumstances, replies);
  if (!permission.allowed) return permission;
  const windowMs = replies.windowHours * 3600_000;
  const before = await services.guards.reserveReply(
    recipient,
    messageId,
    now,
    windowMs,
    replies.maxPerAddress,
  );
  return checkReplyAllowed({ ...circumstances, recentReplies: before }, replies);
}

async function handleSendFailure(
  deps: StageDependencies,
  services: ReplyServices,
  attempt: { scene: ReplyScene; ledgerKey: string; owner: string; recipient: string; kind: ReplyJob['kind'] },
  error: unknown,
): Promise<ReplyOutcome> {
  const failure = parseSmtpError(error);
  const { scene, ledgerKey, owner, recipient, kind } = attempt;
  if (failure.outcome === 'transient') {
    await services.ledger.release(ledgerKey, owner, failure.detail);
    throw new TriageError('smtp-unavailable', `reply not accepted yet: ${failure.detail}`, { cause: error });
  }
  if (failure.outcome === 'permanent') {
    await services.ledger.markFailed(ledgerKey, owner, failure.detail);
    await record(
      deps,
      scene.candidate,
      { kind, status: 'failed', to: recipient, detail: failure.detail },
      true,
    );
    return { sent: false, reason: `refused: ${failure.detail}` };
  }
  await record(
    deps,
    scene.candidate,
    { kind, status: 'unconfirmed', to: recipient, detail: failure.detail },
    true,
  );
  return { sent: false, reason: `unconfirmed: ${failure.detail}` };
}

async function loadScene(deps: StageDependencies, payload: ReplyJob): Promise<ReplyScene | null> {
  const candidate = await deps.store.get(payload.candidateId);
  const message = candidate?.messages.find((entry) => entry.key === payload.messageKey);
  const vacancy = deps.config.vacancies.find((entry) => entry.id === payload.vacancy);
  const mailbox = deps.config.mailboxes.find((entry) => entry.id === message?.mailbox);
  return candidate && message && vacancy && mailbox ? { candidate, message, vacancy, mailbox } : null;
}

async function record(
  deps: StageDependencies,
  candidate: CandidateRecord,
  entry: Omit<ReplyRecord, 'at'>,
  problem = false,
): Promise<void> {
  const flag = !problem ? undefined : entry.status === 'failed' ? 'reply-failed' : 'reply-unconfirmed';
  await deps.store.recordReply(candidate.id, { ...entry, at: new Date().toISOString() }, flag);
}

// \Answered on the original, in the folder it was filed in (idempotent; a retry of the job repeats it).
async function answerOriginal(deps: StageDependencies, scene: ReplyScene): Promise<void> {
  const { message, mailbox } = scene;
  if (!message.messageId) return;
  const folder = message.filedTo ?? mailbox.watch;
  const messageId = message.messageId;
  await deps.connections.withFolder(mailbox.id, folder, (client) => markAnswered(client, messageId));
}
