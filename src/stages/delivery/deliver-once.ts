import { isTriageError, TriageError } from '../../errors/triage-error.ts';
import { faultPoint } from '../../errors/fault-point.ts';
import type { MailboxConfig } from '../../config/schema.ts';
import type { ClaimOutcome, DeliveryLedger, MailTransport } from '../../ports/delivery-ports.ts';

/** What delivering one message at most once needs. */
export interface DeliveryPorts {
  ledger: DeliveryLedger;
  transport: MailTransport;
}

/** One message to deliver at most once under a ledger key. */
export interface OnceMessage {
  /** What is sent, for fault points (`<what>-after-claim`, …) and error messages. */
  what: 'reply' | 'digest';
  ledgerKey: string;
  /** Identifies this attempt; only the holder of a claim may move it on. */
  owner: string;
  messageId: string;
  /** Ledger entry lifetime in ms (0: forever). */
  ttlMs: number;
  mailbox: Pick<MailboxConfig, 'id' | 'address'>;
  recipient: string;
  /** Composes the message, once the claim is held. */
  compose: () => Promise<Buffer>;
}

/** What became of it; a transient failure is thrown instead (TriageError `smtp-unavailable`), to be retried. */
export type OnceOutcome =
  | { status: 'sent'; raw: Buffer }
  | { status: 'not-claimed'; claim: Exclude<ClaimOutcome, 'claimed'> }
  | { status: 'abandoned' }
  | { status: 'refused'; detail: string }
  | { status: 'unconfirmed'; detail: string };

/**
 * The at-most-once send protocol: claim the ledger key, record "sending" when the server is ready for the message
 * (the last moment before any of it leaves), then "sent". A crash before "sending" leaves a claim that a retry
 * takes over; after it, the entry stays "sending" and is never sent again (see ReplyLedger). A transient failure
 * releases the claim and throws; a 5xx marks it failed; a transfer cut off midway is unconfirmed.
 */
export async function deliverOnce(ports: DeliveryPorts, message: OnceMessage): Promise<OnceOutcome> {
  const { ledger, transport } = ports;
  const { what, ledgerKey, owner } = message;
  const claim = await ledger.claim(ledgerKey, owner, message.messageId, message.ttlMs);
  if (claim !== 'claimed') return { status: 'not-claimed', claim };
  faultPoint(`${what}-after-claim`);
  const raw = await message.compose();
  const sent = await transport.send(message.mailbox, message.recipient, raw, () => {
    faultPoint(`${what}-at-data`);
    return ledger.markSending(ledgerKey, owner);
  });
  if (sent.status === 'abandoned') return sent;
  if (sent.status === 'failed') {
    if (sent.outcome === 'transient') {
      await ledger.release(ledgerKey, owner, sent.detail);
      // The mailbox cannot log in until a person signs in again: the job waits for that, spending no attempt.
      if (isTriageError(sent.cause, 'oauth-needs-login', 'oauth-key')) throw sent.cause;
      throw new TriageError('smtp-unavailable', `${what} not accepted yet: ${sent.detail}`, {
        cause: sent.cause,
      });
    }
    if (sent.outcome === 'permanent') {
      await ledger.markFailed(ledgerKey, owner, sent.detail);
      return { status: 'refused', detail: sent.detail };
    }
    return { status: 'unconfirmed', detail: sent.detail };
  }
  faultPoint(`${what}-after-send`);
  await ledger.markSent(ledgerKey, owner);
  faultPoint(`${what}-after-mark-sent`);
  return { status: 'sent', raw };
}
