import type { Redis } from 'ioredis';
import type { EnquiryLog } from '../../ports/stage-stores.ts';
import type { RedisKeys } from './redis-keys.ts';

/** The enquiry log in Redis: per mailbox, what became of the reply to each untagged enquiry. */
export class EnquiryStore implements EnquiryLog {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;

  constructor(redis: Redis, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  async record(mailboxId: string, messageKey: string, entry: Record<string, unknown>): Promise<void> {
    await this.redis.hset(this.keys.enquiries(mailboxId), messageKey, JSON.stringify(entry));
  }
}
