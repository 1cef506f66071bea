import type { RedisClient } from './redis-client.ts';
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

/** The id a dead letter is known by (`queue/jobId`): its field in Redis, and what the CLI and alerts show. */
export function deadLetterId(letter: Pick<DeadLetter, 'queue' | 'jobId'>): string {
  return `${letter.queue}/${letter.jobId}`;
}

/** Dead letters in Redis: one entry per job id (a later failure of the same job replaces it). */
export class DeadLetterStore {
  private readonly redis: RedisClient;
  private readonly key: string;
  private readonly alerted: string;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.key = keys.deadLetters();
    this.alerted = keys.alertedDeadLetters();
  }

  async record(letter: DeadLetter): Promise<void> {
    await this.redis.hset(this.key, deadLetterId(letter), JSON.stringify(letter));
  }

  /**
   * Forgets a dead letter (`queue/jobId`) once its job is queued again, and that an alert reported it: should the job
   * fail for good again, that is a new dead letter to alert about.
   */
  async remove(id: string): Promise<void> {
    await this.redis.multi().hdel(this.key, id).srem(this.alerted, id).exec();
  }

  /** Every dead letter, oldest first. */
  async list(): Promise<DeadLetter[]> {
    const all = await this.redis.hvals(this.key);
    return all
      .map((value) => JSON.parse(value) as DeadLetter)
      .sort((a, b) => a.failedAt.localeCompare(b.failedAt));
  }
}
