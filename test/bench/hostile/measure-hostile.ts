import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SmtpSink } from '../../support/smtp-sink.ts';
import { applicantAt } from '../backlog/applicants.ts';
import { buildCv, buildTranscript, uniqueCopy } from '../backlog/backlog-documents.ts';
import { applicationMail } from '../backlog/build-backlog.ts';
import { readPeakRss, startDaemonProcess, type DaemonProcess } from '../daemon/daemon-process.ts';
import { progress } from '../measure.ts';
import { seededRandom } from '../thesis-prose.ts';
import { buildHostileBatch, type HostileMessage } from './hostile-batch.ts';
import { sampleTreeRss, type TreePeak } from '../daemon/tree-rss.ts';

/** What the hostile run needs: a written daemon config, the sink, Redis (for queue state) and APPEND. */
export interface HostilePlan {
  configFile: string;
  prefix: string;
  redis: Redis;
  sink: SmtpSink;
  append(raw: Buffer): Promise<void>;
  /** Genuine applications delivered during the burst. */
  genuineCount: number;
}

/** One hostile message on an otherwise idle daemon, followed by one genuine application. */
export interface SingleRow {
  name: string;
  sizeBytes: number;
  /** From its APPEND until every stage queue is idle again (it and the genuine one handled). */
  settledMs: number | null;
  /** The genuine application's acknowledgement, from its APPEND (made right after the hostile one). */
  genuineMs: number | null;
  peak: TreePeak;
}

export interface BurstResult {
  hostile: number;
  genuineMs: number[];
  missed: number;
  peak: TreePeak;
}

export interface HostileResult {
  singles: SingleRow[];
  burst: BurstResult;
  /** VmHWM of the daemon process over the whole run. */
  daemonPeakBytes: number | null;
}

const SETTLE_TIMEOUT_MS = 300_000;
const REPLY_TIMEOUT_MS = 120_000;
const BURST_SPACING_MS = 500;
const FIRST_APPLICANT = 2_000_000;

/** Runs the hostile batch one message at a time, then all at once with genuine applications behind it. */
export async function measureHostile(plan: HostilePlan): Promise<HostileResult> {
  const genuine = await buildGenuine(plan.genuineCount + 20);
  const batch = await buildHostileBatch(genuine.map((mail) => mail.address));
  const daemon = startDaemonProcess(plan.configFile, null);
  const queues = ['ingest', 'assess', 'replies', 'enquiries'].map(
    (name) => new Queue(name, { connection: plan.redis, prefix: plan.prefix }),
  );
  const acks = new Map<string, (at: number) => void>();
  plan.sink.onReceived((message) => {
    for (const to of message.to) acks.get(to.toLowerCase())?.(performance.now());
  });
  const acknowledged = (address: string) =>
    new Promise<number | null>((resolve) => {
      acks.set(address, resolve);
      void sleep(REPLY_TIMEOUT_MS, null, { ref: false }).then(resolve);
    });
  const idle = () => waitIdle(queues);
  try {
    await Promise.race([daemon.logs.waitFor('daemon started'), daemon.exited.then(failStart)]);
    const singles: SingleRow[] = [];
    for (const [index, message] of batch.entries()) {
      progress(`hostile: ${message.name}`);
      singles.push(await measureSingle(plan, daemon, message, genuine[index] as Genuine, acknowledged, idle));
    }
    progress(`hostile: burst of ${batch.length} hostile messages, then ${plan.genuineCount} applications`);
    const burst = await measureBurst(plan, daemon, batch, genuine.slice(batch.length), acknowledged, idle);
    return { singles, burst, daemonPeakBytes: await readPeakRss(daemon.pid) };
  } finally {
    plan.sink.onReceived(null);
    for (const queue of queues) await queue.close();
    await daemon.stop();
  }
}

type Genuine = { address: string; raw: Buffer };
type Acknowledged = (address: string) => Promise<number | null>;

async function measureSingle(
  plan: HostilePlan,
  daemon: DaemonProcess,
  message: HostileMessage,
  genuine: Genuine,
  acknowledged: Acknowledged,
  idle: () => Promise<boolean>,
): Promise<SingleRow> {
  const sampler = sampleTreeRss(daemon.pid);
  const start = performance.now();
  const ack = acknowledged(genuine.address);
  await plan.append(message.raw);
  const genuineStart = performance.now();
  await plan.append(genuine.raw);
  const at = await ack;
  const settled = await idle();
  const settledMs = settled ? performance.now() - start : null;
  const peak = await sampler.stop();
  const genuineMs = at === null ? null : at - genuineStart;
  return { name: message.name, sizeBytes: message.raw.length, settledMs, genuineMs, peak };
}

async function measureBurst(
  plan: HostilePlan,
  daemon: DaemonProcess,
  batch: readonly HostileMessage[],
  genuine: readonly Genuine[],
  acknowledged: Acknowledged,
  idle: () => Promise<boolean>,
): Promise<BurstResult> {
  const sampler = sampleTreeRss(daemon.pid);
  for (const message of batch) await plan.append(message.raw);
  const waits: Array<Promise<number | null>> = [];
  for (const mail of genuine.slice(0, plan.genuineCount)) {
    const ack = acknowledged(mail.address);
    const sent = performance.now();
    await plan.append(mail.raw);
    waits.push(ack.then((at) => (at === null ? null : at - sent)));
    await sleep(BURST_SPACING_MS);
  }
  const samples = await Promise.all(waits);
  await idle();
  const peak = await sampler.stop();
  const genuineMs = samples.filter((value): value is number => value !== null);
  return { hostile: batch.length, genuineMs, missed: samples.length - genuineMs.length, peak };
}

/** Until no stage queue has a job waiting, running or delayed; false after the timeout. */
async function waitIdle(queues: readonly Queue[]): Promise<boolean> {
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  // The watcher needs a moment to see new mail: wait for work to appear, then for it to end.
  await sleep(1000);
  while (performance.now() < deadline) {
    let busy = 0;
    for (const queue of queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      busy += Object.values(counts).reduce((sum, count) => sum + count, 0);
    }
    if (busy === 0) return true;
    await sleep(200);
  }
  return false;
}

async function buildGenuine(count: number): Promise<Genuine[]> {
  const random = seededRandom(9191);
  const transcript = await buildTranscript(9192, 1);
  const mails: Genuine[] = [];
  for (let index = 0; index < count; index += 1) {
    const applicant = applicantAt(FIRST_APPLICANT + index);
    const documents = [await buildCv(applicant, random, 'pdf'), uniqueCopy(transcript, `hostile-${index}`)];
    mails.push({
      address: applicant.address,
      raw: await applicationMail(applicant, FIRST_APPLICANT + index, documents),
    });
  }
  return mails;
}

function failStart(exit: string): never {
  throw new Error(`the daemon exited at start (${exit})`);
}
