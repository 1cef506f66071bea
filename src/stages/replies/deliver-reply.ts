import { randomUUID } from 'node:crypto';
import type { ReplyRecord } from '../../candidates/candidate-record.ts';
import type { MailboxConfig, RepliesConfig } from '../../config/schema.ts';
import type { ReplyKind } from '../../domain/reply-kinds.ts';
import { replyToken } from '../../domain/reply-token.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { ReplyGuardStore, SentReplyLog } from '../../ports/delivery-ports.ts';
import type { MailboxGateway } from '../../ports/mailbox-gateway.ts';
import { deliverOnce, type DeliveryPorts } from '../delivery/deliver-once.ts';
import { checkReplyAllowed, type ReplyPermission } from './check-reply-allowed.ts';
import { readdressReply, type PlannedReply } from './plan-reply.ts';
import { replyMessageId } from './reply-headers.ts';
import { signReply } from './sign-reply.ts';

/**
 * What delivering a reply needs: the at-most-once protocol's ports, the per-address guards, the record of whom
 * each reply went to (what makes bounces checkable), the key of the body token, and the rules.
 */
export interface ReplyDeliveryPorts extends DeliveryPorts {
  guards: ReplyGuardStore;
  sent: SentReplyLog;
  /** Signs the token line in every reply's body (see replyToken). */
  replyKey: Buffer;
  gateway: Pick<MailboxGateway, 'appendToSent'>;
  replies: RepliesConfig;
  ownAddresses: ReadonlySet<string>;
}

/** One reply to deliver at most once: its ledger key, recipient, and how to plan and record it. */
export interface Delivery {
  kind: ReplyKind;
  ledgerKey: string;
  /** Where an installation kept this entry before addresses were hashed with its key (adopted, if there). */
  legacyLedgerKey: string;
  /** Ledger entry lifetime in ms (0: forever); a reply allowed once per window expires with the window. */
  ttlMs: number;
  /** Extra material for the reply's Message-ID, for replies sent again under the same ledger key (receipts). */
  idSeed?: string | undefined;
  recipient: string;
  /** Within `scope` (a vacancy, or a mailbox's enquiries), `recipient` answers for `applicant` only. */
  scope: string;
  applicant: string;
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

/**
 * What became of a delivery. `deferMs`: the reply was neither sent nor refused but must wait that long (its
 * recipient's domain had its share of replies for the window); the queue adapter delays the job without spending
 * an attempt.
 */
export type DeliveryOutcome = { sent: boolean; reason: string; deferMs?: number };

/** The Message-ID a delivery's reply carries: derived from its ledger key, so every attempt carries the same. */
export function deliveryMessageId(delivery: Pick<Delivery, 'ledgerKey' | 'idSeed' | 'mailbox'>): string {
  const { ledgerKey, idSeed } = delivery;
  return replyMessageId(idSeed ? `${ledgerKey}|${idSeed}` : ledgerKey, delivery.mailbox.address);
}

/** How long a reply waits when its domain's window is full: the window's average spacing, 1 min to 1 h. */
export function domainDeferMs(replies: Pick<RepliesConfig, 'windowHours' | 'maxPerDomain'>): number {
  const spacing = (replies.windowHours * 3600_000) / replies.maxPerDomain;
  return Math.min(3600_000, Math.max(60_000, Math.round(spacing)));
}

/**
 * Delivers a reply at most once: the rules and the per-address window, then the at-most-once protocol
 * (deliverOnce), so retries, redelivery and a kill -9 at any point never send it twice. A 4xx or a failure to
 * connect is retried; a 5xx is recorded and not retried; a transfer cut off midway is recorded as unconfirmed.
 */
export async function deliverReply(ports: ReplyDeliveryPorts, delivery: Delivery): Promise<DeliveryOutcome> {
  const { ledgerKey, recipient, mailbox, logger } = delivery;
  await ports.ledger.adopt(ledgerKey, delivery.legacyLedgerKey);
  const existing = await ports.ledger.read(ledgerKey);
  if (existing?.state === 'sent') {
    // A retry of this very reply (same Message-ID) after the send finishes the idempotent steps: the record, if
    // the attempt that sent it died before writing it, and \Answered. Another message's reply under the same key
    // (a receipt already sent in this window) is not this message's to record.
    const messageId = deliveryMessageId(delivery);
    if (existing.messageId === messageId)
      await delivery.record({ kind: delivery.kind, status: 'sent', to: recipient, detail: messageId });
    await delivery.answer();
    return { sent: false, reason: 'already sent' };
  }
  const messageId = deliveryMessageId(delivery);
  const permission = await checkPermission(ports, delivery, messageId, new Date());
  const { kind } = delivery;
  if (!permission.allowed && permission.rule === 'domain-rate-limit') {
    // A busy domain (a webmail provider near a deadline) delays its applicants' replies; it never loses them.
    const deferMs = domainDeferMs(ports.replies);
    logger.info({ rule: permission.rule, deferMs }, 'reply deferred');
    return { sent: false, reason: `deferred: ${permission.detail}`, deferMs };
  }
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
    compose: async () => {
      // Recorded before anything leaves: a bounce may come back faster than this attempt finishes.
      await ports.sent.record(messageId, recipient);
      const reply = { ...readdressReply(delivery.plan(), recipient), messageId };
      return ports.transport.compose(signReply(reply, replyToken(ports.replyKey, messageId)));
    },
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

// The rules first; then the recipient's binding to this applicant, and the address's and domain's windows, each
// claimed atomically so that concurrent replies cannot both pass.
async function checkPermission(
  ports: ReplyDeliveryPorts,
  delivery: Delivery,
  messageId: string,
  now: Date,
): Promise<ReplyPermission> {
  const { replies } = ports;
  const { recipient } = delivery;
  const circumstances = {
    recipient,
    noReply: delivery.noReply,
    ownAddresses: ports.ownAddresses,
    bounced: await ports.guards.isBounced(recipient, now),
    recentReplies: 0,
  };
  const permission = checkReplyAllowed(circumstances, replies);
  if (!permission.allowed) return permission;
  // An applicant's own address always gets their own reply; it is claimed too, so that it never answers for
  // someone else later. Another applicant's Reply-To is answered only while it answers for nobody else.
  const bound = await ports.guards.claimRecipient(delivery.scope, recipient, delivery.applicant);
  const self = recipient.toLowerCase() === delivery.applicant.toLowerCase();
  if (!bound && !self) return checkReplyAllowed({ ...circumstances, recipientTaken: true }, replies);
  const before = await ports.guards.reserveReply(recipient, messageId, now, replies.windowHours * 3600_000, {
    address: replies.maxPerAddress,
    domain: replies.maxPerDomain,
  });
  return checkReplyAllowed(
    { ...circumstances, recentReplies: before.address, recentDomainReplies: before.domain },
    replies,
  );
}
