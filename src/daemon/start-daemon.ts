import { randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { startAlertMonitor } from './alert-monitor.ts';
import { startLoginReminders } from './login-reminders.ts';
import { retentionPorts } from './retention-ports.ts';
import { startRetentionPurge } from './retention-purge.ts';
import { sentRecipientsPorts, startSentRecipientsSync } from './sent-recipients-sync.ts';
import { startOperatorEndpoint, type OperatorEndpoint } from '../adapters/http/operator-endpoint.ts';
import { readDaemonStatus, readMailboxStatuses } from '../adapters/redis/read-daemon-status.ts';
import { recentSnapshot } from '../status/recent-snapshot.ts';
import { TriageError } from '../errors/triage-error.ts';
import { requireTokenKey } from '../adapters/oauth/open-mailbox-logins.ts';
import { MailboxWatcher } from '../adapters/imap/mailbox-watcher.ts';
import { decisionCheck } from './decision-checks.ts';
import { LeaseQuota } from '../adapters/redis/lease-quota.ts';
import { daemonProcessId } from '../adapters/redis/host-processes.ts';
import { leaseTiming } from '../mailbox/lease-timing.ts';
import { scheduleDigests } from '../adapters/queues/schedule-digests.ts';
import { stopQueueWorkers } from '../adapters/queues/start-queue-worker.ts';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import { waitForRedis } from '../adapters/redis/wait-for-redis.ts';
import { waitForSmtp } from '../adapters/smtp/wait-for-smtp.ts';
import { retentionConfigured } from '../privacy/plan-retention.ts';
import { openStageServices } from '../runtime/stage-services.ts';
import { STAGE_NAMES, startStageWorker } from '../runtime/stage-workers.ts';
import { planDigestSchedules } from '../stages/digests/plan-digest-schedules.ts';

/** How long a start waits for the first read of the Sent folders before the watchers start anyway. */
const SENT_WAIT_MS = 30_000;
/** A running daemon process. */
export interface Daemon {
  /** Identifies this process in mailbox leases. */
  owner: string;
  /** Stops watching, lets in-flight jobs finish (at most `workers.shutdownSeconds`), and disconnects. */
  stop(): Promise<void>;
}

/**
 * Starts the watchers, the workers of every stage and (when `retention` applies) the purge in one process, once
 * Redis answers (waiting at most `redis.startupTimeoutSeconds`, then `redis-unavailable`) and every reply template
 * has loaded (a bad one stops the start with an error naming it). SMTP servers that do not answer yet are waited for in the background. When
 * `cancelled` aborts during start-up (a shutdown requested before the daemon ran), nothing is left open and the
 * daemon returned has nothing to stop.
 */
export async function startDaemon(
  config: Config,
  logger: Logger,
  cancelled: AbortSignal = new AbortController().signal,
): Promise<Daemon> {
  requireTokenKey(config);
  const owner = daemonProcessId(process.pid, randomUUID().slice(0, 8));
  const log = logger.child({ owner });
  const wait = { timeoutSeconds: config.redis.startupTimeoutSeconds, signal: cancelled };
  const idle = { owner, stop: () => Promise.resolve() };
  if (!(await waitForRedis(config.redis, log, wait))) return idle;
  const services = await openStageServices(config, log);
  if (cancelled.aborted) {
    await services.close();
    return idle;
  }
  const workers = STAGE_NAMES.map((name) => startStageWorker(name, services));
  // Announced only once its watchers start, so no process gives leases away to one that is not watching yet.
  const quota = new LeaseQuota({
    redis: services.redis,
    keys: services.keys,
    owner,
    mailboxes: config.mailboxes.length,
    heartbeatMs: leaseTiming(Math.min(...config.mailboxes.map((mailbox) => mailbox.leaseSeconds)) * 1000)
      .heartbeatTtlMs,
    logger: log,
  });
  const watchers = config.mailboxes.map(
    (mailbox) =>
      new MailboxWatcher({
        mailbox,
        redis: services.redis,
        keys: services.keys,
        ingest: services.queues.ingest,
        owner,
        logger: log,
        leaseMs: mailbox.leaseSeconds * 1000,
        maxMessageBytes: config.limits.maxMessageBytes,
        logins: services.logins,
        connections: services.connections,
        quota,
        slots: services.slots,
        checkDecisions: decisionCheck(services, mailbox),
      }),
  );
  await scheduleDigests(services.queues.digests, planDigestSchedules(config));
  // Whom the mailboxes wrote to, read before the watchers start when it is quick; until a mailbox's Sent folder
  // has been read to its end, its untagged mail waits for it (planMessage): a colleague is never an enquirer.
  const sentSync = startSentRecipientsSync(sentRecipientsPorts(services), { ...config, logger: log });
  await Promise.race([sentSync.firstRound, setTimeout(SENT_WAIT_MS, undefined, { ref: false })]);
  await quota.start();
  for (const watcher of watchers) watcher.start();
  const monitor = config.alerts
    ? startAlertMonitor({
        alerts: config.alerts,
        senders: config.mailboxes,
        redis: services.redis,
        keys: services.keys,
        mailboxes: (now) => readMailboxStatuses(services.redis, config, now),
        metrics: services.metrics,
        logins: services.logins,
        owner,
        logger: log,
      })
    : null;
  const reminders = config.mailboxes.some((mailbox) => mailbox.auth !== undefined)
    ? startLoginReminders({
        config,
        redis: services.redis,
        keys: services.keys,
        logins: services.logins,
        mailboxes: (now) => readMailboxStatuses(services.redis, config, now),
        owner,
        logger: log,
        checkMs: (config.alerts?.checkSeconds ?? 60) * 1000,
      })
    : null;
  const purge = retentionConfigured(config)
    ? startRetentionPurge(retentionPorts(services, owner, log))
    : null;
  let endpoint: OperatorEndpoint | null = null;
  if (config.http) {
    const { queues } = services;
    const status = recentSnapshot(
      () =>
        readDaemonStatus(services.redis, config, {
          queues: {
            ingest: queues.ingest,
            assess: queues.assess,
            replies: queues.replies,
            enquiries: queues.enquiries,
            digests: queues.digests,
          },
        }),
      config.http.statusSeconds * 1000,
    );
    const source = { status, metrics: services.metrics };
    endpoint = await startOperatorEndpoint(config.http, source, log).catch(async (error: unknown) => {
      await monitor?.stop();
      await reminders?.stop();
      await purge?.stop();
      await sentSync.stop();
      await quota.stop();
      await Promise.all(watchers.map((watcher) => watcher.stop()));
      await stopQueueWorkers(workers, config.workers.shutdownSeconds, log);
      await services.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new TriageError(
        'config-invalid',
        `http: cannot listen on ${config.http?.host}:${config.http?.port}: ${reason}`,
      );
    });
  }
  const smtpWait = new AbortController();
  for (const mailbox of config.mailboxes) void waitForSmtp(mailbox, log, services.logins, smtpWait.signal);
  log.info({ mailboxes: config.mailboxes.length, vacancies: config.vacancies.length }, 'daemon started');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('daemon stopping');
      smtpWait.abort();
      await endpoint?.close();
      await monitor?.stop();
      await reminders?.stop();
      await purge?.stop();
      await sentSync.stop();
      // Leaving first lets the other processes' shares grow before the leases come free.
      await quota.stop();
      await Promise.all(watchers.map((watcher) => watcher.stop()));
      await stopQueueWorkers(workers, config.workers.shutdownSeconds, log);
      await services.close();
      log.info('daemon stopped');
    })());
  return { owner, stop };
}
