import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/**
 * The retention purge's lock, shared by every daemon process on one Redis: one process purges at a time (SET NX
 * PX); the holder renews it while it works, and a holder killed midway loses it when it expires.
 */
export class PurgeLock {
  private readonly redis: RedisClient;
  private readonly key: string;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.key = keys.purgeLock();
  }

  /** Takes the lock for `owner` for `ttlMs`; false when another process holds it. */
  async acquire(owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key, owner, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Extends the lock `owner` holds by `ttlMs` from now; false when it was lost (expired, taken by another). */
  async renew(owner: string, ttlMs: number): Promise<boolean> {
    return (await runScript(this.redis, 'lease-renew', this.key, owner, String(ttlMs))) === 1;
  }

  /** Gives the lock back if `owner` still holds it. */
  async release(owner: string): Promise<void> {
    await runScript(this.redis, 'lease-release', this.key, owner);
  }
}
