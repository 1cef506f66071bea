import type { MailboxConfig } from '../config/schema.ts';

/** A message ready to compose (a reply or a digest); every value from mail is passed as data, never as header text. */
export interface OutgoingMessage {
  from: string;
  to: { name: string; address: string };
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  headers: Readonly<Record<string, string>>;
  text: string;
  html: string;
  attachments?: ReadonlyArray<{ filename: string; content: string; contentType: string }>;
}

/**
 * How a send ended. `failed` says whether to try again: `transient` (nothing reached the server, or it asked to
 * retry), `permanent` (refused with a 5xx), `ambiguous` (the message was handed over without a final answer).
 */
export type SendOutcome =
  | { status: 'sent' }
  | { status: 'abandoned' }
  | { status: 'failed'; outcome: 'transient' | 'permanent' | 'ambiguous'; detail: string; cause: unknown };

/** Composes and sends mail for a mailbox. */
export interface MailTransport {
  compose(message: OutgoingMessage): Promise<Buffer>;
  /**
   * Sends `raw` to exactly `to`. `handOver` runs when the server is ready for the message, before any of it
   * leaves: it records that the send is under way, or answers false to abandon it.
   */
  send(
    mailbox: Pick<MailboxConfig, 'id' | 'address'>,
    to: string,
    raw: Buffer,
    handOver: () => Promise<boolean>,
  ): Promise<SendOutcome>;
}

/**
 * What `claim` found. `claimed`: this attempt may send. `sent`/`failed`: decided before, nothing to do.
 * `unconfirmed`: an earlier attempt was sending when it died, so it may have gone out: never sent again.
 */
export type ClaimOutcome = 'claimed' | 'sent' | 'failed' | 'unconfirmed';

/** The ledger that makes a send happen at most once: claimed → sending → sent | failed, per key. */
export interface DeliveryLedger {
  read(key: string): Promise<{ state: string; messageId: string } | null>;
  claim(key: string, owner: string, messageId: string, ttlMs?: number): Promise<ClaimOutcome>;
  /** Moves an entry kept under an older key (an unkeyed address hash) to `key`, unless `key` has one. */
  adopt(key: string, legacyKey: string): Promise<boolean>;
  markSending(key: string, owner: string): Promise<boolean>;
  markSent(key: string, owner: string): Promise<boolean>;
  markFailed(key: string, owner: string, reason: string): Promise<boolean>;
  release(key: string, owner: string, reason: string): Promise<boolean>;
}

/** How many replies a recipient's address and its domain had in the window before this one. */
export interface ReplyWindowCounts {
  address: number;
  domain: number;
}

/** Per-address guards across all replies: bounced addresses, recipient ownership and the reply windows. */
export interface ReplyGuardStore {
  suppressBounced(address: string, until: Date): Promise<void>;
  isBounced(address: string, now: Date): Promise<boolean>;
  /** Binds a recipient to one applicant per scope for good; false when another applicant holds it. */
  claimRecipient(scope: string, recipient: string, applicant: string): Promise<boolean>;
  /** Read only: whether another applicant holds the recipient in the scope. */
  recipientTaken(scope: string, recipient: string, applicant: string): Promise<boolean>;
  /** Reserves a reply in the address's and the domain's windows; returns what they held before this one. */
  reserveReply(
    address: string,
    id: string,
    at: Date,
    windowMs: number,
    max: { address: number; domain: number },
  ): Promise<ReplyWindowCounts>;
}

/** Whom each reply we sent went to, by Message-ID: what makes a bounce checkable. */
export interface SentReplyLog {
  record(messageId: string, recipient: string): Promise<void>;
  /** Who each reply went to, as `identify` gives an address (null: not ours, or forgotten). */
  recipientsOf(messageIds: readonly string[]): Promise<Map<string, string | null>>;
  identify(address: string): string;
}

/** Ledger keys: a reply's per (scope, applicant address hash, kind); a digest run's per (supervisor, run). */
export interface LedgerKeys {
  replyLedger(scope: string, addressHash: string, kind: string): string;
  /** The keyed hash standing for an address in the ledger's keys. */
  addressHash(address: string): string;
  digestLedger(supervisorHash: string, runId: string): string;
}
