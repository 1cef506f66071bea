import type { RedisClient } from './redis-client.ts';
import type { MailboxHealth } from '../../status/daemon-status.ts';
import type { RedisKeys } from './redis-keys.ts';

/** The longest wait between logins after the server refused them. */
export const MAX_AUTH_RETRY_SECONDS = 6 * 3600;

/** The mailboxes' health in Redis, shared by every process (the watcher that holds a lease writes it). */
export class MailboxHealthStore {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  async read(mailboxId: string): Promise<MailboxHealth> {
    const stored = await this.redis.hgetall(this.keys.mailboxHealth(mailboxId));
    const mode = stored.mode === 'idle' || stored.mode === 'polling' ? stored.mode : null;
    const auth =
      stored.auth === 'ok' || stored.auth === 'auth-failed' || stored.auth === 'needs-login'
        ? stored.auth
        : 'unknown';
    return {
      mode,
      lastFetchAt: stored.lastFetchAt ?? null,
      lastError: stored.lastError ?? null,
      lastErrorAt: stored.lastErrorAt ?? null,
      auth,
      authFailures: Number(stored.authFailures ?? 0),
      authRetryAt: stored.authRetryAt ?? null,
    };
  }

  /** A complete sync: the login works and the folder has been read. */
  async recordFetch(mailboxId: string, mode: 'idle' | 'polling', at = new Date()): Promise<void> {
    const key = this.keys.mailboxHealth(mailboxId);
    await this.redis
      .multi()
      .hset(key, { mode, lastFetchAt: at.toISOString(), auth: 'ok', authFailures: 0 })
      .hdel(key, 'authRetryAt')
      .exec();
  }

  async recordError(mailboxId: string, reason: string, at = new Date()): Promise<void> {
    await this.redis.hset(this.keys.mailboxHealth(mailboxId), {
      lastError: reason,
      lastErrorAt: at.toISOString(),
    });
  }

  /** A new sign-in (`triage login`): the watcher holding the lease logs in at its next look, not after a wait. */
  async clearAuthWait(mailboxId: string): Promise<void> {
    const key = this.keys.mailboxHealth(mailboxId);
    await this.redis.multi().hset(key, { auth: 'unknown', authFailures: 0 }).hdel(key, 'authRetryAt').exec();
  }

  /**
   * A refused login (`auth-failed`) or an OAuth2 sign-in that a person must renew (`needs-login`): no process
   * logs in again before the returned time — `firstRetrySeconds` after the first refusal, doubling after each, at
   * most six hours.
   */
  async recordAuthFailure(
    mailboxId: string,
    reason: string,
    firstRetrySeconds: number,
    state: 'auth-failed' | 'needs-login' = 'auth-failed',
    at = new Date(),
  ): Promise<Date> {
    const key = this.keys.mailboxHealth(mailboxId);
    const failures = await this.redis.hincrby(key, 'authFailures', 1);
    const seconds = Math.min(firstRetrySeconds * 2 ** Math.min(failures - 1, 20), MAX_AUTH_RETRY_SECONDS);
    const retryAt = new Date(at.getTime() + seconds * 1000);
    await this.redis.hset(key, {
      auth: state,
      authRetryAt: retryAt.toISOString(),
      lastError: reason,
      lastErrorAt: at.toISOString(),
    });
    return retryAt;
  }
}
