import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Histogram } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DaemonMetrics } from '../../src/adapters/http/daemon-metrics.ts';
import { ASSESS_QUEUE, type AssessJob } from '../../src/stages/assess/assess-job.ts';
import { INGEST_QUEUE, type IngestJob } from '../../src/stages/ingest/ingest-job.ts';
import { REPLIES_QUEUE, type ReplyJob } from '../../src/stages/replies/reply-job.ts';
import { readExtractionTotals } from '../bench/daemon/extraction-metrics.ts';
import {
  type ApplicationMark,
  type ApplicationPhases,
  PhaseReader,
  PHASES,
} from '../bench/daemon/latency-phases.ts';
import { freePort } from '../support/free-port.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { waitFor } from '../support/wait-for.ts';

// The bench's latency breakdown (npm run bench), read from jobs that real BullMQ workers ran as the stages do:
// each job queues the next one, the reply job is last.
let redis: Redis;
let prefix: string;
let queues: { ingest: Queue<IngestJob>; assess: Queue<AssessJob>; replies: Queue<ReplyJob> };
let workers: Worker[];

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  prefix = uniquePrefix('bench-phases');
  const options = { connection: redis, prefix };
  queues = {
    ingest: new Queue<IngestJob>(INGEST_QUEUE, options),
    assess: new Queue<AssessJob>(ASSESS_QUEUE, options),
    replies: new Queue<ReplyJob>(REPLIES_QUEUE, options),
  };
  const work = (name: string, next: (job: Job) => Promise<unknown>) =>
    new Worker(name, next, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
  workers = [
    work(INGEST_QUEUE, async (job: Job<IngestJob>) => {
      const candidateId = `candidate-${job.data.uid}`;
      const assess: AssessJob = {
        ...job.data,
        candidateId,
        vacancy: 'robust-ai',
        messageKey: `key-${job.data.uid}`,
      };
      await queues.assess.add('message', assess);
    }),
    work(ASSESS_QUEUE, async (job: Job<AssessJob>) => {
      const { candidateId, vacancy, messageKey } = job.data;
      const reply: ReplyJob = { candidateId, vacancy, kind: 'acknowledgement', messageKey };
      await queues.replies.add('reply', reply);
    }),
    work(REPLIES_QUEUE, () => Promise.resolve()),
  ];
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await removePrefix(prefix);
  redis.disconnect();
});

/**
 * Queues an application's ingest job and waits until its reply job has completed, as the bench waits for the sink;
 * the daemon's reaction to the notice (a DONE) before the job is added, another command later (which must not count).
 */
async function deliver(uid: number): Promise<ApplicationMark> {
  const [sentAt, appendedAt, doneAt] = [Date.now(), Date.now(), Date.now()];
  await queues.ingest.add('message', { mailbox: 'chen', uidValidity: '7', uid } satisfies IngestJob);
  const reply = await waitFor(`the reply to ${uid}`, async () =>
    (await queues.replies.getCompleted()).find((job) => job.data.candidateId === `candidate-${uid}`),
  );
  const receivedAt = Math.max(Date.now(), reply.processedOn ?? 0);
  const reactedAt = [doneAt, receivedAt];
  return { sentAt, appendedAt, receivedAt, uid, uidValidity: '7', reactedAt, totalMs: receivedAt - sentAt };
}

describe('bench latency phases', () => {
  it("splits APPEND → sink at the application's own jobs' timestamps, whatever else ran after it", async () => {
    const reader = new PhaseReader(redis, prefix, undefined);
    try {
      const first = await deliver(101);
      await deliver(102);
      const phases = await reader.read(first);

      const ingest = (await queues.ingest.getCompleted()).find((job) => job.data.uid === 101);
      const assess = (await queues.assess.getCompleted()).find((job) => job.data.uid === 101);
      const reacted = first.reactedAt[0] ?? NaN;
      expect(phases.noticeSplitMs).toEqual({
        idleNotice: reacted - first.appendedAt,
        syncPass: (ingest?.timestamp ?? NaN) - reacted,
      });
      expect(phases.phasesMs.ingestWait).toBe((ingest?.processedOn ?? NaN) - (ingest?.timestamp ?? NaN));
      expect(phases.phasesMs.ingest).toBe((assess?.timestamp ?? NaN) - (ingest?.processedOn ?? NaN));
      const known = Object.values(phases.phasesMs).filter((ms): ms is number => ms !== null);
      expect(known).toHaveLength(PHASES.length);
      expect(known.every((ms) => ms >= 0)).toBe(true);
      expect(known.reduce((sum, ms) => sum + ms, 0)).toBe(first.receivedAt - first.sentAt);
      expect(phases.documents).toBeNull();
    } finally {
      await reader.close();
    }
  });

  it('leaves unknown what a point not seen bounds: a job removed, no DONE or NOOP, no APPENDUID', async () => {
    const reader = new PhaseReader(redis, prefix, undefined);
    const unknown = (phases: ApplicationPhases) =>
      Object.entries(phases.phasesMs).flatMap(([key, ms]) => (ms === null ? [key] : []));
    try {
      const mark = await deliver(201);
      const polled = await reader.read({ ...mark, reactedAt: [] });
      expect(unknown(polled)).toEqual([]);
      expect(polled.noticeSplitMs).toEqual({ idleNotice: null, syncPass: null });

      const reply = (await queues.replies.getCompleted()).find(
        (job) => job.data.candidateId === 'candidate-201',
      );
      await reply?.remove();
      // The reply job's timestamps end the assess job's phase and bound the two after it.
      expect(unknown(await reader.read(mark))).toEqual(['assess', 'replyWait', 'reply']);

      const blind = await reader.read({ ...mark, uid: undefined, uidValidity: undefined });
      expect(Object.entries(blind.phasesMs).filter(([, ms]) => ms !== null)).toEqual([['append', 0]]);
    } finally {
      await reader.close();
    }
  });
});

describe('bench extraction metrics', () => {
  it("sums the daemon's triage_extraction_seconds over its formats, and is null when /metrics cannot be read", async () => {
    const metrics = new DaemonMetrics();
    const reader = metrics.timed({ read: () => Promise.reject(new Error('unreadable')) });
    const request = { contentType: 'application/pdf', keywords: [], applicantName: 'A' };
    for (const filename of ['cv.pdf', 'transcript.docx'])
      await reader.read(Buffer.from('x'), { ...request, filename }).catch(() => null);
    const server = http.createServer((_, response) => {
      void metrics.registry.metrics().then((text) => response.end(text));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const totals = await readExtractionTotals((server.address() as AddressInfo).port);
      const histogram = await (
        metrics.registry.getSingleMetric('triage_extraction_seconds') as Histogram | undefined
      )?.get();
      const sum = histogram?.values
        .filter((value) => value.metricName === 'triage_extraction_seconds_sum')
        .reduce((total, value) => total + value.value, 0);
      expect(totals?.documents).toBe(2);
      expect(sum).toBeGreaterThan(0);
      expect(totals?.seconds).toBeCloseTo(sum ?? NaN, 9);
    } finally {
      server.close();
    }
    expect(await readExtractionTotals(await freePort())).toBeNull();
  });
});
