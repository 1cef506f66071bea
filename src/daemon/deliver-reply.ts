import { randomUUID } from 'node:crypto';
import { appendToSent } from '../adapters/imap/append-to-sent.ts';
import { composeReply, parseSmtpError } from '../adapters/smtp/reply-transport.ts';
import type { ReplyRecord } from '../candidates/candidate-record.ts';
import type { MailboxConfig } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';
import type { Logger } from '../logging/create-logger.ts';
import { checkReplyAllowed, type ReplyPermission } from '../replies/check-reply-allowed.ts';
import type { PlannedReply } from '../replies/plan-reply.ts';
import { replyMessageId } from '../replies/reply-headers.ts';
import { faultPoint } from './fault-point.ts';
import type { ReplyServices } from './reply-services.ts';
import type { StageDependencies } from './stage-dependencies.ts';

/** One reply to deliver at most once: its ledger key, recipient, and how to plan and record it. */
export interface Delivery {
  ledgerKey: string;
  /** Ledger entry lifetime in ms (0: forever); a reply allowed once per window expires with the window. */
  ttlMs: number;
  /** Extra material for the reply's Message-ID, for replies sent again under the same ledger key (receipts). */
  idSeed?: string | undefined;
  recipient: string;
  noReply: { rule: string; detail: string } | null;
  mailbox: MailboxConfig;
  plan: () => PlannedReply;
  /** Records the outcome where an operator will see it. */
  record: (entry: Omit<ReplyRecord, 'at'>) => Promise<void>;
  /** Marks the original \Answered (idempotent). */
  answer: () => Promise<void>;
  logger: Logger;
  jobId: string;
}

/** What became of a delivery. */
export type DeliveryOutcome = { sent: boolean; reason: string };

/**
 * Delivers a reply at most once: the rules and the per-address window, then the ledger's claim → sending → sent,
 * so retries, redelivery and a kill -9 at any point never send it twice (see ReplyLedger for the crash rule).
 * A 4xx or a failure to connect is retried; a 5xx is recorded and not retried; a transfer cut off midway is
 * recorded as unconfirmed and not retried.
 */
export async function deliverReply(
  deps: StageDependencies,
  services: ReplyServices,
  delivery: Delivery,
): Promise<DeliveryOutcome> {
  const { ledgerKey, recipient, mailbox, logger } = delivery;
  const existing = await services.ledger.read(ledgerKey);
  if (existing?.state === 'sent') {
    await delivery.answer(); // a retry after the send finishes the idempotent steps
    return { sent: false, reason: 'already sent' };
  }
  const now = new Date();
  const messageId = replyMessageId(
    delivery.idSeed ? `${ledgerKey}|${delivery.idSeed}` : ledgerKey,
    mailbox.address,
  );
  const permission = await checkPermission(deps, services, delivery, messageId, now);
  if (!permission.allowed) {
    logger.info({ rule: permission.rule }, 'reply suppressed');
    await delivery.record({
      kind: kindOf(ledgerKey),
      status: 'suppressed',
      to: recipient,
      detail: permission.rule,
    });
    return { sent: false, reason: `${permission.rule}: ${permission.detail}` };
  }
  const owner = `${delivery.jobId}:${randomUUID()}`;
  const claim = await services.ledger.claim(ledgerKey, owner, messageId, delivery.ttlMs);
  if (claim === 'unconfirmed') {
    logger.warn('an earlier attempt died while sending this reply; not sending it again');
    await delivery.record({
      kind: kindOf(ledgerKey),
      status: 'unconfirmed',
      to: recipient,
      detail: messageId,
    });
    return { sent: false, reason: 'unconfirmed: an earlier attempt may have sent it' };
  }
  if (claim !== 'claimed') return { sent: false, reason: `already ${claim}` };
  faultPoint('reply-after-claim');
  // The reply goes to the recipient the rules were checked for, whatever the plan's headers would suggest.
  const planned = { ...delivery.plan() };
  planned.to = { name: planned.to.address === recipient ? planned.to.name : '', address: recipient };
  const raw = await composeReply({ ...planned, messageId });
  try {
    // "Sending" is recorded only when the SMTP library starts on the message, just before the envelope: a crash
    // before that point leaves the claim, which the retry takes over and sends; after it, the unconfirmed case.
    const sent = await services.transports.send(mailbox, recipient, raw, () => {
      faultPoint('reply-at-data');
      return services.ledger.markSending(ledgerKey, owner);
    });
    if (sent === 'abandoned') return { sent: false, reason: 'taken over by another attempt' };
  } catch (error) {
    return handleFailure(services, delivery, owner, error);
  }
  faultPoint('reply-after-send');
  await services.ledger.markSent(ledgerKey, owner);
  await delivery.record({ kind: planned.kind, status: 'sent', to: recipient, detail: messageId });
  logger.info('reply sent');
  if (deps.config.replies.saveToSent) {
    // Best effort: a crash right here leaves the reply sent but without its copy in Sent.
    await deps.connections.withFolder(mailbox.id, mailbox.watch, (client) => appendToSent(client, raw));
  }
  await delivery.answer();
  return { sent: true, reason: messageId };
}

// The rules first; then the per-address window, reserved atomically so concurrent replies cannot both pass it.
async function checkPermission(
  deps: StageDependencies,
  services: ReplyServices,
  delivery: Delivery,
  messageId: string,
  now: Date,
): Promise<ReplyPermission> {
  const { replies } = deps.config;
  const circumstances = {
    recipient: delivery.recipient,
    noReply: delivery.noReply,
    ownAddresses: deps.ownAddresses,
    bounced: await services.guards.isBounced(delivery.recipient, now),
    recentReplies: 0,
  };
  const permission = checkReplyAllowed(circumstances, replies);
  if (!permission.allowed) return permission;
  const windowMs = replies.windowHours * 3600_000;
  const before = await services.guards.reserveReply(
    delivery.recipient,
    messageId,
    now,
    windowMs,
    replies.maxPerAddress,
  );
  return checkReplyAllowed({ ...circumstances, recentReplies: before }, replies);
}

async function handleFailure(
  services: ReplyServices,
  delivery: Delivery,
  owner: string,
  error: unknown,
): Promise<DeliveryOutcome> {
  const failure = parseSmtpError(error);
  const { ledgerKey, recipient } = delivery;
  const kind = kindOf(ledgerKey);
  if (failure.outcome === 'transient') {
    await services.ledger.release(ledgerKey, owner, failure.detail);
    throw new TriageError('smtp-unavailable', `reply not accepted yet: ${failure.detail}`, { cause: error });
  }
  if (failure.outcome === 'permanent') {
    await services.ledger.markFailed(ledgerKey, owner, failure.detail);
    await delivery.record({ kind, status: 'failed', to: recipient, detail: failure.detail });
    return { sent: false, reason: `refused: ${failure.detail}` };
  }
  await delivery.record({ kind, status: 'unconfirmed', to: recipient, detail: failure.detail });
  return { sent: false, reason: `unconfirmed: ${failure.detail}` };
}

// The reply kind is the ledger key's last part (`<prefix>:reply:<scope>:<address>:<kind>`).
function kindOf(ledgerKey: string): string {
  return ledgerKey.slice(ledgerKey.lastIndexOf(':') + 1);
}
