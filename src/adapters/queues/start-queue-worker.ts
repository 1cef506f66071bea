import { Worker, type Job, type Processor } from 'bullmq';
import type { Logger } from '../../logging/create-logger.ts';
import type { DeadLetter } from '../redis/dead-letters.ts';
import { connectRedis } from '../redis/connect-redis.ts';
import type { RedisTarget } from '../redis/redis-client.ts';

/** How one queue's worker runs. */
export interface QueueWorkerOptions {
  queue: string;
  redis: RedisTarget;
  prefix: string;
  concurrency: number;
  /** A job whose process died is taken up again after this long. */
  stalledSeconds: number;
  /** How often a job may run (retries and stalls alike). */
  attempts: number;
  /** At most this many jobs a minute across every process (BullMQ's limiter waits before a job starts). */
  ratePerMinute?: number | undefined;
}

/**
 * Starts a BullMQ worker on its own blocking Redis connection, closed with it. A job that failed for good (an
 * UnrecoverableError, or its last attempt) is handed to `deadLetter`.
 */
export function startQueueWorker(
  options: QueueWorkerOptions,
  processor: Processor,
  logger: Logger,
  deadLetter: (letter: DeadLetter) => Promise<void>,
): Worker {
  const connection = connectRedis(options.redis, logger, {
    blocking: true,
    name: `${options.queue}-worker`,
  });
  const log = logger.child({ component: `${options.queue}-worker` });
  const worker = new Worker(options.queue, processor, {
    connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
    // A dead process's lock expires after half the time and the stalled check runs every half: its jobs are
    // taken up again within stalledSeconds (BullMQ would need lockDuration + stalledInterval).
    lockDuration: options.stalledSeconds * 500,
    stalledInterval: options.stalledSeconds * 500,
    // After a Redis outage the worker tries again after 1 s, not BullMQ's 15 s.
    runRetryDelay: 1000,
    // A job whose process died is taken up again, as often as it may be retried (BullMQ's default is once, so
    // a message whose worker was killed twice would have been given up).
    maxStalledCount: options.attempts,
    ...(options.ratePerMinute !== undefined
      ? { limiter: { max: options.ratePerMinute, duration: 60_000 } }
      : {}),
  });
  worker.on('error', (error) => log.warn({ reason: error.message }, 'worker error'));
  worker.on('failed', (job: Job | undefined, error: Error) => {
    if (!job) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    log.warn({ job: job.id, attempt: job.attemptsMade, final, reason: error.message }, 'job failed');
    if (!final) return;
    deadLetter({
      queue: options.queue,
      jobId: job.id ?? '',
      data: job.data,
      reason: error.message,
      attempts: job.attemptsMade,
      failedAt: new Date().toISOString(),
    }).catch((failure: unknown) => log.error({ err: failure }, 'cannot record dead letter'));
  });
  // BullMQ does not close a connection it was given: close it with the worker.
  worker.on('closed', () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}

/** Lets in-flight jobs finish for at most `seconds`, then closes the workers regardless. */
export async function stopQueueWorkers(
  workers: readonly Worker[],
  seconds: number,
  logger: Logger,
): Promise<void> {
  const drained = Promise.all(workers.map((worker) => worker.close()));
  const limit = new Promise<'timeout'>((resolve) => setTimeout(resolve, seconds * 1000, 'timeout').unref());
  if ((await Promise.race([drained, limit])) === 'timeout') {
    logger.warn('in-flight jobs did not finish in time; they will be retried by another process');
    await Promise.all(workers.map((worker) => worker.close(true)));
  }
}
