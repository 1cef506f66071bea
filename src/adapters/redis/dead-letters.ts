import type { Redis } from 'ioredis';
import type { RedisKeys } from './redis-keys.ts';

/** A job that failed for good: its message stays where it was, and this says why. */
export interface DeadLetter {
  queue: string;
  jobId: string;
  data: unknown;
  reason: string;
  attempts: number;
  failedAt: string;
}

/** Dead letters in Redis: one entry per job id (a later failure of the same job replaces it). */
export class DeadLetterStore {
  private readonly redis: Redis;
  private readonly key: string;

  constructor(redis: Redis, keys: RedisKeys) {
    this.redis = redis;
    this.key = keys.deadLetters();
  }

  async record(letter: DeadLetter): Promise<void> {
    await this.redis.hset(this.key, `${letter.queue}/${letter.jobId}`, JSON.stringify(letter));
  }

  /** Every dead letter, oldest first. */
  async list(): Promise<DeadLetter[]> {
    const all = await this.redis.hvals(this.key);
    return all
      .map((value) => JSON.parse(value) as DeadLetter)
      .sort((a, b) => a.failedAt.localeCompare(b.failedAt));
  }
}
