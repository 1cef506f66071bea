import { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import type { RedisClient } from './redis-client.ts';
import type { Config } from '../../config/schema.ts';
import { planRetention, retentionConfigured } from '../../privacy/plan-retention.ts';
import { ASSESS_QUEUE } from '../../stages/assess/assess-job.ts';
import { DIGESTS_QUEUE } from '../../stages/digests/digest-job.ts';
import { planDigestSchedules } from '../../stages/digests/plan-digest-schedules.ts';
import { ENQUIRIES_QUEUE } from '../../stages/enquiries/enquiry-job.ts';
import { INGEST_QUEUE, type IngestJob } from '../../stages/ingest/ingest-job.ts';
import { REPLIES_QUEUE } from '../../stages/replies/reply-job.ts';
import {
  statusProblems,
  type DaemonStatus,
  type DigestStatus,
  type MailboxStatus,
  type QueueStatus,
} from '../../status/daemon-status.ts';
import { openPersonalData } from './personal-data-store.ts';
import { CandidateStore } from './candidate-store.ts';
import { CursorStore } from './cursor-store.ts';
import { DeadLetterStore } from './dead-letters.ts';
import { MailboxHealthStore } from './mailbox-health-store.ts';
import { redisKeys } from './redis-keys.ts';

const QUEUE_NAMES = [INGEST_QUEUE, ASSESS_QUEUE, REPLIES_QUEUE, ENQUIRIES_QUEUE, DIGESTS_QUEUE];
/** Queued ingest jobs looked at to count each mailbox's backlog. */
const BACKLOG_SCAN = 10_000;

/**
 * Reads a snapshot of the daemon's state from Redis — mailboxes, queues, dead letters, unconfirmed replies, next
 * digests and retention purges — without changing anything. Works from any process, with or without a daemon
 * running; `queues` are the caller's open queues (else opened and closed here).
 */
export async function readDaemonStatus(
  redis: RedisClient,
  config: Pick<Config, 'redis' | 'mailboxes' | 'vacancies' | 'digest' | 'security' | 'retention'>,
  options: { now?: Date; queues?: Readonly<Record<string, Queue>> } = {},
): Promise<DaemonStatus> {
  const now = options.now ?? new Date();
  const keys = redisKeys(config.redis.prefix);
  const own = options.queues === undefined;
  const queues =
    options.queues ??
    Object.fromEntries(
      QUEUE_NAMES.map((name) => [
        name,
        new Queue(name, { connection: redis, prefix: config.redis.prefix, skipMetasUpdate: true }),
      ]),
    );
  try {
    const queueStatus: QueueStatus[] = [];
    for (const name of QUEUE_NAMES) {
      const queue = queues[name];
      if (queue === undefined) continue;
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
      queueStatus.push({
        name,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      });
    }
    const backlog = await backlogByMailbox(queues[INGEST_QUEUE] as Queue<IngestJob> | undefined);
    const mailboxes = await readMailboxStatuses(redis, config, now, backlog);
    const personal = await openPersonalData(redis, keys, config.security, process.env, { readOnly: true });
    const candidates = await new CandidateStore(redis, keys, personal).list(
      config.vacancies.map((vacancy) => vacancy.id),
    );
    const snapshot = {
      at: now.toISOString(),
      mailboxes,
      queues: queueStatus,
      deadLetters: (await new DeadLetterStore(redis, keys).list()).length,
      unconfirmedReplies: candidates.filter((candidate) => candidate.flags.includes('reply-unconfirmed'))
        .length,
      digests: nextDigests(config, now),
      nextPurges: retentionConfigured(config) ? planRetention(config, candidates, now).next : null,
    };
    return { ...snapshot, problems: statusProblems(snapshot) };
  } finally {
    if (own) await Promise.all(Object.values(queues).map((queue) => queue.close()));
  }
}

/**
 * What every mailbox's watcher has recorded, its lease holder and cursor: the part of the snapshot the alerts need
 * (`backlog`, counted from the ingest queue, is 0 unless given).
 */
export async function readMailboxStatuses(
  redis: RedisClient,
  config: Pick<Config, 'redis' | 'mailboxes'>,
  now: Date,
  backlog: ReadonlyMap<string, number> = new Map(),
): Promise<MailboxStatus[]> {
  const keys = redisKeys(config.redis.prefix);
  const health = new MailboxHealthStore(redis, keys);
  const cursors = new CursorStore(redis, keys);
  const mailboxes: MailboxStatus[] = [];
  for (const mailbox of config.mailboxes) {
    const recorded = await health.read(mailbox.id);
    const fetched = recorded.lastFetchAt === null ? null : Date.parse(recorded.lastFetchAt);
    mailboxes.push({
      id: mailbox.id,
      address: mailbox.address,
      holder: await redis.get(keys.lease(mailbox.id)),
      ...recorded,
      fetchAgeSeconds: fetched === null ? null : Math.max(0, Math.round((now.getTime() - fetched) / 1000)),
      staleAfterSeconds: mailbox.reconcileSeconds * 3,
      cursor: await cursors.read(mailbox.id),
      backlog: backlog.get(mailbox.id) ?? 0,
      heldLetters: await redis.hlen(keys.heldReferences(mailbox.id)),
      connections: await redis.zcount(keys.connectionSlots(mailbox.id), Date.now(), '+inf'),
      maxConnections: mailbox.maxConnections,
    });
  }
  return mailboxes;
}

async function backlogByMailbox(ingest: Queue<IngestJob> | undefined): Promise<Map<string, number>> {
  if (ingest === undefined) return new Map();
  const jobs = await ingest.getJobs(['waiting', 'prioritized', 'active', 'delayed'], 0, BACKLOG_SCAN - 1);
  const counts = new Map<string, number>();
  for (const job of jobs) {
    const mailbox = (job.data as Partial<IngestJob> | undefined)?.mailbox;
    if (typeof mailbox === 'string') counts.set(mailbox, (counts.get(mailbox) ?? 0) + 1);
  }
  return counts;
}

function nextDigests(config: Pick<Config, 'vacancies' | 'digest'>, now: Date): DigestStatus[] {
  return planDigestSchedules(config).map((schedule) => ({
    supervisor: schedule.supervisor,
    vacancies: schedule.vacancies,
    next: CronExpressionParser.parse(schedule.pattern, { tz: schedule.timezone, currentDate: now })
      .next()
      .toISOString(),
  }));
}
