import { randomUUID } from 'node:crypto';
import type { ReplyRecord } from '../../candidates/candidate-record.ts';
import type { MailboxConfig, RepliesConfig } from '../../config/schema.ts';
import type { ReplyKind } from '../../domain/reply-kinds.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { ReplyGuardStore } from '../../ports/delivery-ports.ts';
import type { MailboxGateway } from '../../ports/mailbox-gateway.ts';
import { deliverOnce, type DeliveryPorts } from '../delivery/deliver-once.ts';
import { checkReplyAllowed, type ReplyPermission } from './check-reply-allowed.ts';
import { readdressReply, type PlannedReply } from './plan-reply.ts';
import { replyMessageId } from './reply-headers.ts';

/** What delivering a reply needs: the at-most-once protocol's ports, the per-address guards and the rules. */
export interface ReplyDeliveryPorts extends DeliveryPorts {
  guards: ReplyGuardStore;
  gateway: Pick<MailboxGateway, 'appendToSent'>;
  replies: RepliesConfig;
  ownAddresses: ReadonlySet<string>;
}

/** One reply to deliver at most once: its ledger key, recipient, and how to plan and record it. */
export interface Delivery {
  kind: ReplyKind;
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
 * Delivers a reply at most once: the rules and the per-address window, then the at-most-once protocol
 * (deliverOnce), so retries, redelivery and a kill -9 at any point never send it twice. A 4xx or a failure to
 * connect is retried; a 5xx is recorded and not retried; a transfer cut off midway is recorded as unconfirmed.
 */
export async function deliverReply(ports: ReplyDeliveryPorts, delivery: Delivery): Promise<DeliveryOutcome> {
  const { ledgerKey, recipient, mailbox, logger } = delivery;
  const existing = await ports.ledger.read(ledgerKey);
  if (existing?.state === 'sent') {
    await delivery.answer(); // a retry after the send finishes the idempotent steps
    return { sent: false, reason: 'already sent' };
  }
  const messageId = replyMessageId(
    delivery.idSeed ? `${ledgerKey}|${delivery.idSeed}` : ledgerKey,
    mailbox.address,
  );
  const permission = await checkPermission(ports, delivery, messageId, new Date());
  const { kind } = delivery;
  if (!permission.allowed) {
    logger.info({ rule: permission.rule }, 'reply suppressed');
    await delivery.record({ kind, status: 'suppressed', to: recipient, detail: permission.rule });
    return { sent: false, reason: `${permission.rule}: ${permission.detail}` };
  }
  const outcome = await deliverOnce(ports, {
    what: 'reply',
    ledgerKey,
    owner: `${delivery.jobId}:${randomUUID()}`,
    messageId,
    ttlMs: delivery.ttlMs,
    mailbox,
    recipient,
    compose: () => ports.transport.compose({ ...readdressReply(delivery.plan(), recipient), messageId }),
  });
  switch (outcome.status) {
    case 'not-claimed':
      if (outcome.claim !== 'unconfirmed') return { sent: false, reason: `already ${outcome.claim}` };
      logger.warn('an earlier attempt died while sending this reply; not sending it again');
      await delivery.record({ kind, status: 'unconfirmed', to: recipient, detail: messageId });
      return { sent: false, reason: 'unconfirmed: an earlier attempt may have sent it' };
    case 'abandoned':
      return { sent: false, reason: 'taken over by another attempt' };
    case 'refused':
      await delivery.record({ kind, status: 'failed', to: recipient, detail: outcome.detail });
      return { sent: false, reason: `refused: ${outcome.detail}` };
    case 'unconfirmed':
      await delivery.record({ kind, status: 'unconfirmed', to: recipient, detail: outcome.detail });
      return { sent: false, reason: `unconfirmed: ${outcome.detail}` };
    case 'sent':
      break;
  }
  await delivery.record({ kind, status: 'sent', to: recipient, detail: messageId });
  logger.info('reply sent');
  // Best effort: a crash right here leaves the reply sent but without its copy in Sent.
  if (ports.replies.saveToSent) await ports.gateway.appendToSent(mailbox, outcome.raw);
  await delivery.answer();
  return { sent: true, reason: messageId };
}

// The rules first; then the per-address window, reserved atomically so concurrent replies cannot both pass it.
async function checkPermission(
  ports: ReplyDeliveryPorts,
  delivery: Delivery,
  messageId: string,
  now: Date,
): Promise<ReplyPermission> {
  const { replies } = ports;
  const circumstances = {
    recipient: delivery.recipient,
    noReply: delivery.noReply,
    ownAddresses: ports.ownAddresses,
    bounced: await ports.guards.isBounced(delivery.recipient, now),
    recentReplies: 0,
  };
  const permission = checkReplyAllowed(circumstances, replies);
  if (!permission.allowed) return permission;
  const windowMs = replies.windowHours * 3600_000;
  const before = await ports.guards.reserveReply(
    delivery.recipient,
    messageId,
    now,
    windowMs,
    replies.maxPerAddress,
  );
  return checkReplyAllowed({ ...circumstances, recentReplies: before }, replies);
}
