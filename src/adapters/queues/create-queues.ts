import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES } from '../../pipeline/jobs.ts';

/** The pipeline's queues, sharing one Redis connection for producing jobs. */
export interface PipelineQueues {
  ingest: Queue;
  assess: Queue;
  replies: Queue;
  enquiries: Queue;
  digests: Queue;
  close(): Promise<void>;
}

/** Job options shared by every stage: retries with exponential backoff; failed jobs are kept (the dead letters). */
export function defaultJobOptions(attempts: number): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 30 * 24 * 3600, count: 100_000 },
    removeOnFail: false,
  };
}

/** Opens the pipeline's queues under `prefix`. */
export function createQueues(connection: Redis, prefix: string, attempts: number): PipelineQueues {
  const options = { connection, prefix, defaultJobOptions: defaultJobOptions(attempts) };
  const queues = {
    ingest: new Queue(QUEUE_NAMES.ingest, options),
    assess: new Queue(QUEUE_NAMES.assess, options),
    replies: new Queue(QUEUE_NAMES.replies, options),
    enquiries: new Queue(QUEUE_NAMES.enquiries, options),
    digests: new Queue(QUEUE_NAMES.digests, options),
  };
  return {
    ...queues,
    close: async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    },
  };
}
