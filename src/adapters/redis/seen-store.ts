import type { RedisClient } from './redis-client.ts';
import type { SeenIndex, SeenSummary } from '../../ports/stage-stores.ts';
import type { RedisKeys } from './redis-keys.ts';

/** The seen index in Redis: per mailbox, what became of each message key. */
export class SeenStore implements SeenIndex {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Remembers that a message of a mailbox was processed. */
  async markSeen(mailboxId: string, messageKey: string, summary: SeenSummary): Promise<void> {
    await this.redis.hset(this.keys.seen(mailboxId), messageKey, JSON.stringify(summary));
  }

  /** For each message key, whether it was processed before. */
  async wereSeen(mailboxId: string, messageKeys: readonly string[]): Promise<boolean[]> {
    if (messageKeys.length === 0) return [];
    const found = await this.redis.hmget(this.keys.seen(mailboxId), ...messageKeys);
    return found.map((value) => value !== null);
  }
}
