import { Queue, type Job } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.ts';
import { ASSESS_QUEUE } from '../../stages/assess/assess-job.ts';
import { ENQUIRIES_QUEUE } from '../../stages/enquiries/enquiry-job.ts';
import { REPLIES_QUEUE } from '../../stages/replies/reply-job.ts';
import { deadLetterId, DeadLetterStore } from '../redis/dead-letters.ts';
import type { RedisKeys } from '../redis/redis-keys.ts';

/** Whom the jobs to remove are about: candidates by id, enquirers by the keyed hash of their address. */
export interface PersonJobs {
  candidateIds: ReadonlySet<string>;
  addressHashes: ReadonlySet<string>;
  /** The keyed hash of an address, to compare an enquiry job's recipient with `addressHashes`. */
  hashAddress: (address: string) => string;
}

// Every state a job can be kept in; an active job is held by a worker and cannot be removed (it is counted).
const STATES = ['waiting', 'prioritized', 'delayed', 'completed', 'failed'] as const;

/**
 * Removes the queued, delayed, finished and failed jobs about these people (their data names a candidate or an
 * enquirer's address) and their dead letters; returns how many went, and how many jobs were running and stayed
 * (a running job about a candidate finds no record and does nothing). `dryRun`: counts only.
 */
export async function removePersonJobs(
  redis: RedisClient,
  keys: RedisKeys,
  prefix: string,
  who: PersonJobs,
  dryRun = false,
): Promise<{ jobs: number; running: number; deadLetters: number }> {
  const about = (data: unknown): boolean => {
    const fields = (data ?? {}) as { candidateId?: unknown; to?: { address?: unknown } };
    if (typeof fields.candidateId === 'string' && who.candidateIds.has(fields.candidateId)) return true;
    const address = fields.to?.address;
    return typeof address === 'string' && who.addressHashes.has(who.hashAddress(address));
  };
  let removed = 0;
  let running = 0;
  let deadLetters = 0;
  for (const name of [ASSESS_QUEUE, REPLIES_QUEUE, ENQUIRIES_QUEUE]) {
    const queue = new Queue(name, { connection: redis, prefix, skipMetasUpdate: true });
    try {
      const jobs = (await queue.getJobs([...STATES])).filter(
        (job: Job | undefined) => job && about(job.data),
      );
      removed += jobs.length;
      if (!dryRun) await Promise.all(jobs.map((job) => job.remove()));
      running += (await queue.getJobs(['active'])).filter((job) => job && about(job.data)).length;
    } finally {
      await queue.close();
    }
  }
  const letters = new DeadLetterStore(redis, keys);
  for (const letter of await letters.list()) {
    if (!about(letter.data)) continue;
    deadLetters += 1;
    if (!dryRun) await letters.remove(deadLetterId(letter));
  }
  return { jobs: removed, running, deadLetters };
}
