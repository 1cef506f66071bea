import { Queue, type DefaultJobOptions } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { ASSESS_QUEUE, type AssessJob } from '../../stages/assess/assess-job.ts';
import { DIGESTS_QUEUE } from '../../stages/digests/digest-job.ts';
import { ENQUIRIES_QUEUE, type EnquiryJob } from '../../stages/enquiries/enquiry-job.ts';
import { INGEST_QUEUE, type IngestJob } from '../../stages/ingest/ingest-job.ts';
import { REPLIES_QUEUE, type ReplyJob } from '../../stages/replies/reply-job.ts';

/** The pipeline's queues, sharing one Redis connection for producing jobs. */
export interface PipelineQueues {
  ingest: Queue<IngestJob>;
  assess: Queue<AssessJob>;
  replies: Queue<ReplyJob>;
  enquiries: Queue<EnquiryJob>;
  digests: Queue;
  close(): Promise<void>;
}

/**
 * Job options shared by every stage: retries with exponential backoff; failed jobs are kept (the dead letters).
 * Completed jobs are only a view of recent work: what makes a stage run once is in the stores (the seen index,
 * the candidate records, the reply ledger), never a finished job kept in Redis. So only the last hundred are kept,
 * for an hour, instead of a kilobyte per job per stage for every candidate.
 */
export function defaultJobOptions(attempts: number): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 3600, count: COMPLETED_JOBS_KEPT },
    removeOnFail: false,
  };
}

/** Completed jobs kept per queue (see defaultJobOptions). */
export const COMPLETED_JOBS_KEPT = 100;
// Each queue's event stream (job added, active, completed…): nothing of ours reads it, BullMQ keeps 10,000 by default.
const EVENTS_KEPT = 100;

/** Opens the pipeline's queues under `prefix`. */
export function createQueues(
  connection: RedisClient,
  prefix: string,
  attempts: number,
  logger: Logger,
): PipelineQueues {
  const options = {
    connection,
    prefix,
    defaultJobOptions: defaultJobOptions(attempts),
    streams: { events: { maxLen: EVENTS_KEPT } },
  };
  const queues = {
    ingest: new Queue<IngestJob>(INGEST_QUEUE, options),
    assess: new Queue<AssessJob>(ASSESS_QUEUE, options),
    replies: new Queue<ReplyJob>(REPLIES_QUEUE, options),
    enquiries: new Queue<EnquiryJob>(ENQUIRIES_QUEUE, options),
    digests: new Queue(DIGESTS_QUEUE, options),
  };
  // Without a listener BullMQ prints a queue's errors raw on stderr; the connection's own listener logs them.
  for (const queue of Object.values(queues))
    queue.on('error', (error: Error) =>
      logger.debug({ queue: queue.name, reason: error.message }, 'queue error'),
    );
  return {
    ...queues,
    close: async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    },
  };
}
