import type { Redis } from 'ioredis';

/** A job that failed for good: its message stays where it was, and this says why. */
export interface DeadLetter {
  queue: string;
  jobId: string;
  data: unknown;
  reason: string;
  attempts: number;
  failedAt: string;
}

/** Records a dead letter (one entry per job id; a later failure of the same job replaces it). */
export async function recordDeadLetter(redis: Redis, key: string, letter: DeadLetter): Promise<void> {
  await redis.hset(key, `${letter.queue}/${letter.jobId}`, JSON.stringify(letter));
}

/** Every dead letter, oldest first. */
export async function listDeadLetters(redis: Redis, key: string): Promise<DeadLetter[]> {
  const all = await redis.hvals(key);
  return all
    .map((value) => JSON.parse(value) as DeadLetter)
    .sort((a, b) => a.failedAt.localeCompare(b.failedAt));
}
