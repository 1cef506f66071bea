import { Queue } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.ts';
import { REPLIES_QUEUE, type ReplyJob } from '../../stages/replies/reply-job.ts';
import { defaultJobOptions } from './create-queues.ts';

/**
 * Adds one reply job under `jobId` (a second add with the same id is a no-op), with the pipeline's job options, for
 * the daemon's reply workers to run under all the reply rules and the at-most-once ledger.
 */
export async function queueReplyJob(
  redis: RedisClient,
  prefix: string,
  attempts: number,
  job: ReplyJob,
  jobId: string,
): Promise<void> {
  const queue = new Queue<ReplyJob>(REPLIES_QUEUE, {
    connection: redis,
    prefix,
    defaultJobOptions: defaultJobOptions(attempts),
    skipMetasUpdate: true,
  });
  try {
    await queue.add('reply', job, { jobId });
  } finally {
    await queue.close();
  }
}
