import type { RedisClient } from './redis-client.ts';
import { runScript } from './redis-scripts.ts';
import type { ClaimOutcome, DeliveryLedger } from '../../ports/delivery-ports.ts';

/** The reply ledger: one entry per (vacancy, applicant, reply kind), so each reply goes out at most once. */
export class ReplyLedger implements DeliveryLedger {
  private readonly redis: RedisClient;

  constructor(redis: RedisClient) {
    this.redis = redis;
  }

  /** Claims the entry for this attempt; `ttlMs` > 0 makes the entry expire (replies allowed once per window). */
  async claim(key: string, owner: string, replyMessageId: string, ttlMs = 0): Promise<ClaimOutcome> {
    const now = new Date().toISOString();
    return (await runScript(
      this.redis,
      'ledger-claim',
      key,
      owner,
      replyMessageId,
      now,
      String(ttlMs),
    )) as ClaimOutcome;
  }

  /** Moves the entry under `legacyKey` (an unkeyed address hash, from before keyed hashes) to `key`, if any. */
  async adopt(key: string, legacyKey: string): Promise<boolean> {
    if (key === legacyKey) return false;
    return (await runScript(this.redis, 'ledger-adopt', key, legacyKey)) === 1;
  }

  /** claimed → sending, just before SMTP starts. False when another attempt took the entry over. */
  async markSending(key: string, owner: string): Promise<boolean> {
    return this.move(key, owner, 'claimed', 'sending', '');
  }

  /** sending → sent, once the server accepted the message. */
  async markSent(key: string, owner: string): Promise<boolean> {
    return this.move(key, owner, 'sending', 'sent', '');
  }

  /** sending → failed: the server refused for good (5xx). */
  async markFailed(key: string, owner: string, reason: string): Promise<boolean> {
    return this.move(key, owner, 'sending', 'failed', reason);
  }

  /** sending → claimed: the server certainly did not accept (it refused, or no connection), so a retry may send. */
  async release(key: string, owner: string, reason: string): Promise<boolean> {
    return this.move(key, owner, 'sending', 'claimed', reason);
  }

  /**
   * A person's decision about an entry left `sending` (its reply may or may not have gone out): `sent` (dismissed:
   * it went out) or `claimed` by `owner` (resent: that reply job takes it over). Returns `moved`, or the state the
   * entry is in ('' when there is none) when it was not `sending` (nor already claimed by `owner`).
   */
  async decide(key: string, to: 'sent' | 'claimed', owner: string, detail: string): Promise<string> {
    const now = new Date().toISOString();
    return String(await runScript(this.redis, 'ledger-decide', key, to, owner, now, detail));
  }

  /** The entry's state and the Message-ID it was claimed with, or null. */
  async read(key: string): Promise<{ state: string; messageId: string } | null> {
    const entry = await this.redis.hgetall(key);
    return entry.state === undefined ? null : { state: entry.state, messageId: entry.messageId ?? '' };
  }

  private async move(key: string, owner: string, from: string, to: string, detail: string): Promise<boolean> {
    const now = new Date().toISOString();
    return (await runScript(this.redis, 'ledger-move', key, owner, from, to, now, detail)) === 1;
  }
}
