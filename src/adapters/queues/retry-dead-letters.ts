import { Queue } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.ts';
import { plural } from '../../domain/plural.ts';
import { deadLetterId, DeadLetterStore, type DeadLetter } from '../redis/dead-letters.ts';
import type { RedisKeys } from '../redis/redis-keys.ts';

/** What `dead-letters --retry` did with one dead letter. */
export interface RetryOutcome {
  /** `queue/jobId`. */
  id: string;
  /**
   * `retried`: its job is waiting again with all its attempts; `would-retry`: so with --dry-run; `not-failed`:
   * its job had already been taken up again (the stale entry is forgotten); `gone`: its job no longer exists.
   */
  status: 'retried' | 'would-retry' | 'not-failed' | 'gone';
  detail: string;
  /** The candidate the job works for (assess and reply jobs), whose history records the retry; else null. */
  candidateId: string | null;
}

/**
 * Queues the jobs of these dead letters again (BullMQ's retry of a failed job: the same id, its attempts reset),
 * under the configuration the workers run now, and forgets the dead letter. The stages are idempotent and replies
 * go through the at-most-once ledger, so a retried job does nothing twice. A job already waiting or done is left
 * alone; a job that no longer exists is reported, and its message is to be handled by hand.
 */
export async function retryDeadLetters(
  redis: RedisClient,
  keys: RedisKeys,
  prefix: string,
  letters: readonly DeadLetter[],
  dryRun: boolean,
): Promise<RetryOutcome[]> {
  const store = new DeadLetterStore(redis, keys);
  const queues = new Map<string, Queue>();
  const queue = (name: string): Queue => {
    const open = queues.get(name) ?? new Queue(name, { connection: redis, prefix, skipMetasUpdate: true });
    queues.set(name, open);
    return open;
  };
  const outcomes: RetryOutcome[] = [];
  try {
    for (const letter of letters) {
      const id = deadLetterId(letter);
      const job = await queue(letter.queue).getJob(letter.jobId);
      if (job === undefined) {
        outcomes.push({
          id,
          status: 'gone',
          detail: 'the job no longer exists: handle its message by hand',
          candidateId: null,
        });
        continue;
      }
      const candidateId = jobCandidateId(job.data);
      const state = await job.getState();
      if (state !== 'failed') {
        if (!dryRun) await store.remove(id);
        outcomes.push({ id, status: 'not-failed', detail: `the job is ${state}, not failed`, candidateId });
        continue;
      }
      if (dryRun) {
        outcomes.push({
          id,
          status: 'would-retry',
          detail: `after ${plural(letter.attempts, 'attempt')}: ${letter.reason}`,
          candidateId,
        });
        continue;
      }
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      await store.remove(id);
      outcomes.push({ id, status: 'retried', detail: 'queued again', candidateId });
    }
  } finally {
    await Promise.all([...queues.values()].map((open) => open.close()));
  }
  return outcomes;
}

// Assess and reply jobs carry the candidate they work for; an ingest job's message has none yet.
function jobCandidateId(data: unknown): string | null {
  const value = (data as { candidateId?: unknown } | null)?.candidateId;
  return typeof value === 'string' && value !== '' ? value : null;
}
