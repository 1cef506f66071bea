import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/** The mailbox leases in Redis: the one process that watches a mailbox holds its lease. */
export class LeaseStore {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /**
   * Takes the mailbox's lease for `owner` for `ttlMs`, or renews it when `owner` already holds it. False when
   * another owner holds it.
   */
  async acquire(mailboxId: string, owner: string, ttlMs: number): Promise<boolean> {
    const key = this.keys.lease(mailboxId);
    const taken = await this.redis.set(key, owner, 'PX', ttlMs, 'NX');
    if (taken === 'OK') return true;
    return (await runScript(this.redis, 'lease-renew', key, owner, String(ttlMs))) === 1;
  }

  /** Who holds the mailbox's lease now, or null when it is free. */
  async holder(mailboxId: string): Promise<string | null> {
    return this.redis.get(this.keys.lease(mailboxId));
  }

  /** Gives the lease back if `owner` still holds it, so another process can take over at once. */
  async release(mailboxId: string, owner: string): Promise<void> {
    await runScript(this.redis, 'lease-release', this.keys.lease(mailboxId), owner);
  }
}
