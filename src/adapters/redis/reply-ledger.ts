import type { Redis } from 'ioredis';

/**
 * What `claim` found. `claimed`: this attempt may send. `sent`/`failed`: decided before, nothing to do.
 * `unconfirmed`: an earlier attempt was sending when it died, so the reply may have gone out: never sent again.
 */
export type ClaimOutcome = 'claimed' | 'sent' | 'failed' | 'unconfirmed';

// States: claimed (SMTP not started) -> sending (SMTP started) -> sent | failed.
// A `claimed` entry left by a dead attempt never reached SMTP, so a later attempt takes it over and sends.
// A `sending` entry left by a dead attempt may have been accepted by the server in the instant before it died:
// it is never taken over (a missing acknowledgement is reported; a duplicate could not be taken back).
const CLAIM = `
local state = redis.call('hget', KEYS[1], 'state')
if state == 'sent' or state == 'failed' then return state end
if state == 'sending' then return 'unconfirmed' end
redis.call('hset', KEYS[1], 'state', 'claimed', 'owner', ARGV[1], 'messageId', ARGV[2], 'at', ARGV[3])
if ARGV[4] ~= '0' then redis.call('pexpire', KEYS[1], ARGV[4]) end
return 'claimed'`;

// Moves the entry from one state to another only while `owner` holds it: a stale attempt cannot overwrite a newer one.
const MOVE = `
if redis.call('hget', KEYS[1], 'owner') ~= ARGV[1] or redis.call('hget', KEYS[1], 'state') ~= ARGV[2] then return 0 end
redis.call('hset', KEYS[1], 'state', ARGV[3], 'at', ARGV[4], 'detail', ARGV[5])
return 1`;

/** The reply ledger: one entry per (vacancy, applicant, reply kind), so each reply goes out at most once. */
export class ReplyLedger {
  private readonly redis: Redis;

  constructor(redis: Redis) {
    this.redis = redis;
  }

  /** Claims the entry for this attempt; `ttlMs` > 0 makes the entry expire (replies allowed once per window). */
  async claim(key: string, owner: string, replyMessageId: string, ttlMs = 0): Promise<ClaimOutcome> {
    const now = new Date().toISOString();
    return (await this.redis.eval(CLAIM, 1, key, owner, replyMessageId, now, String(ttlMs))) as ClaimOutcome;
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

  /** The entry's state and the Message-ID it was claimed with, or null. */
  async read(key: string): Promise<{ state: string; messageId: string } | null> {
    const entry = await this.redis.hgetall(key);
    return entry.state === undefined ? null : { state: entry.state, messageId: entry.messageId ?? '' };
  }

  private async move(key: string, owner: string, from: string, to: string, detail: string): Promise<boolean> {
    const now = new Date().toISOString();
    return (await this.redis.eval(MOVE, 1, key, owner, from, to, now, detail)) === 1;
  }
}
