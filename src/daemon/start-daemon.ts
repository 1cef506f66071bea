import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Worker, type Job, type Processor } from 'bullmq';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import { MailboxConnections } from '../adapters/imap/mailbox-connections.ts';
import { DocumentPool } from '../documents/document-pool.ts';
import { MailboxWatcher } from '../adapters/imap/mailbox-watcher.ts';
import { createQueues } from '../adapters/queues/create-queues.ts';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { connectRedis } from '../adapters/redis/connect-redis.ts';
import { recordDeadLetter } from '../adapters/redis/dead-letters.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { ownAddresses } from '../ingest/own-addresses.ts';
import { QUEUE_NAMES } from '../pipeline/jobs.ts';
import { assessProcessor } from '../../workers/assess.worker.ts';
import { ingestProcessor } from '../../workers/ingest.worker.ts';
import { repliesProcessor } from '../../workers/replies.worker.ts';
import { enquiriesProcessor } from '../../workers/enquiries.worker.ts';
import { digestsProcessor } from '../../workers/digests.worker.ts';
import { scheduleDigests } from '../adapters/queues/schedule-digests.ts';
import { planDigestSchedules } from '../digests/plan-digest-schedules.ts';
import type { StageDependencies } from './stage-dependencies.ts';
import type { ReplyServices } from './reply-services.ts';
import { ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import { ReplyGuards } from '../adapters/redis/reply-guards.ts';
import { loadVacancyTemplates } from '../replies/load-vacancy-templates.ts';

/** A running daemon process. */
export interface Daemon {
  /** Identifies this process in mailbox leases. */
  owner: string;
  /** Stops watching, lets in-flight jobs finish (at most `workers.shutdownSeconds`), and disconnects. */
  stop(): Promise<void>;
}

/**
 * Starts the watchers and the stage workers of one daemon process, after loading every reply template (a bad one
 * stops the start with an error naming it). Nothing runs before this is called.
 */
export async function startDaemon(config: Config, logger: Logger): Promise<Daemon> {
  const templates = await loadVacancyTemplates(config);
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = logger.child({ owner });
  const keys = redisKeys(config.redis.prefix);
  const redis = connectRedis(config.redis.url, log, { name: 'store' });
  const queueConnection = connectRedis(config.redis.url, log, { name: 'queues' });
  const queues = createQueues(queueConnection, config.redis.prefix, config.workers.attempts);
  const connections = new MailboxConnections(config.mailboxes, log, config.limits.maxMessageBytes);
  const reader = new DocumentPool(config.extraction);
  const deps: StageDependencies = {
    config,
    redis,
    keys,
    store: new CandidateStore(redis, keys),
    queues,
    connections,
    ownAddresses: ownAddresses(config),
    reader,
    logger: log,
  };
  const transports = new ReplyTransports(config.mailboxes);
  const replyServices: ReplyServices = {
    templates,
    transports,
    ledger: new ReplyLedger(redis),
    guards: new ReplyGuards(redis, keys),
  };
  const workers = [
    startWorker(QUEUE_NAMES.ingest, ingestProcessor(deps), deps),
    startWorker(QUEUE_NAMES.assess, assessProcessor(deps), deps),
    startWorker(QUEUE_NAMES.replies, repliesProcessor(deps, replyServices), deps),
    startWorker(QUEUE_NAMES.enquiries, enquiriesProcessor(deps, replyServices), deps),
    startWorker(
      QUEUE_NAMES.digests,
      digestsProcessor({
        config,
        redis,
        keys,
        ledger: replyServices.ledger,
        transports,
        logger: log.child({ component: 'digests' }),
      }),
      deps,
    ),
  ];
  const watchers = config.mailboxes.map(
    (mailbox) =>
      new MailboxWatcher({
        mailbox,
        redis,
        keys,
        ingest: queues.ingest,
        owner,
        logger: log,
        leaseMs: mailbox.leaseSeconds * 1000,
        maxMessageBytes: config.limits.maxMessageBytes,
      }),
  );
  await scheduleDigests(queues.digests, planDigestSchedules(config));
  for (const watcher of watchers) watcher.start();
  log.info({ mailboxes: config.mailboxes.length, vacancies: config.vacancies.length }, 'daemon started');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('daemon stopping');
      await Promise.all(watchers.map((watcher) => watcher.stop()));
      const drained = Promise.all(workers.map((worker) => worker.close()));
      const limit = new Promise<'timeout'>((resolve) =>
        setTimeout(resolve, config.workers.shutdownSeconds * 1000, 'timeout').unref(),
      );
      if ((await Promise.race([drained, limit])) === 'timeout') {
        log.warn('in-flight jobs did not finish in time; they will be retried by another process');
        await Promise.all(workers.map((worker) => worker.close(true)));
      }
      await connections.closeAll();
      await reader.close();
      await queues.close();
      await Promise.all([redis.quit(), queueConnection.quit()].map((quit) => quit.catch(() => undefined)));
      log.info('daemon stopped');
    })());
  return { owner, stop };
}

// Stages that send mail: at most replies.ratePerMinute jobs a minute across every process (BullMQ's limiter waits
// before a job starts, so nothing is claimed or marked "sending" while it waits).
const SENDING_STAGES: ReadonlySet<string> = new Set([
  QUEUE_NAMES.replies,
  QUEUE_NAMES.enquiries,
  QUEUE_NAMES.digests,
]);

function startWorker(name: string, processor: Processor, deps: StageDependencies): Worker {
  const logger = deps.logger.child({ component: `${name}-worker` });
  const connection = connectRedis(deps.config.redis.url, deps.logger, {
    blocking: true,
    name: `${name}-worker`,
  });
  const worker = new Worker(name, processor, {
    connection,
    prefix: deps.config.redis.prefix,
    concurrency: deps.config.workers.concurrency,
    lockDuration: deps.config.workers.stalledSeconds * 1000,
    stalledInterval: deps.config.workers.stalledSeconds * 1000,
    // A job whose process died is taken up again, as often as it may be retried (BullMQ's default is once, so
    // a message whose worker was killed twice would have been given up).
    maxStalledCount: deps.config.workers.attempts,
    ...(SENDING_STAGES.has(name)
      ? { limiter: { max: deps.config.replies.ratePerMinute, duration: 60_000 } }
      : {}),
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'worker error'));
  worker.on('failed', (job: Job | undefined, error: Error) => {
    if (!job) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.warn({ job: job.id, attempt: job.attemptsMade, final, reason: error.message }, 'job failed');
    if (!final) return;
    recordDeadLetter(deps.redis, deps.keys.deadLetters(), {
      queue: name,
      jobId: job.id ?? '',
      data: job.data,
      reason: error.message,
      attempts: job.attemptsMade,
      failedAt: new Date().toISOString(),
    }).catch((failure: unknown) => logger.error({ err: failure }, 'cannot record dead letter'));
  });
  // BullMQ does not close a connection it was given: close it with the worker.
  worker.on('closed', () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}
