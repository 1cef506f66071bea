import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';

/**
 * The alerts' rate limit and memory in Redis, shared by every process: an alert key is claimed for a while (SET NX
 * EX), so that one process sends it and none again before the claim expires.
 */
export class AlertClaims {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** The keys this process may alert about now; each is then barred for `seconds`, to every process. */
  async claim(alertKeys: readonly string[], owner: string, seconds: number): Promise<string[]> {
    const claimed: string[] = [];
    for (const alertKey of alertKeys) {
      const set = await this.redis.set(this.keys.alertClaim(alertKey), owner, 'EX', seconds, 'NX');
      if (set === 'OK') claimed.push(alertKey);
    }
    return claimed;
  }

  /** After a failed send: the claims expire in `seconds` instead (sooner), so that the alert is tried again. */
  async shorten(alertKeys: readonly string[], seconds: number): Promise<void> {
    for (const alertKey of alertKeys)
      await this.redis.set(this.keys.alertClaim(alertKey), 'retry', 'EX', seconds, 'XX');
  }

  /** Dead letters an alert has reported. */
  async reportedDeadLetters(): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.keys.alertedDeadLetters()));
  }

  /** Records the dead letters there are now as reported (those gone since are forgotten). */
  async markReported(ids: readonly string[]): Promise<void> {
    const key = this.keys.alertedDeadLetters();
    const transaction = this.redis.multi().del(key);
    if (ids.length > 0) transaction.sadd(key, ...ids);
    await transaction.exec();
  }
}
