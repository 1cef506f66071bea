import { setTimeout as sleep } from 'node:timers/promises';
import type { CandidateStore } from '../../../src/adapters/redis/candidate-store.ts';
import type { SmtpSink } from '../../support/smtp-sink.ts';
import { progress } from '../measure.ts';
import { endedChildrenCpuSeconds } from './cpu-seconds.ts';
import { VACANCY_ID } from './daemon-config.ts';
import { type MemorySample, sampleMetricsMemory } from './metrics-memory.ts';
import { type DaemonProcess, startDaemonProcess, type StoppedDaemon } from './daemon-process.ts';

/** One drain: how many processes, and what to watch. */
export interface DrainPlan {
  processes: number;
  configFile: string;
  /** The daemon's entry when not run from source (COMPILED_MAIN). */
  entry: string | null;
  sink: SmtpSink;
  /** Every applicant of the backlog: each must get exactly one acknowledgement. */
  applicants: ReadonlySet<string>;
  store: CandidateStore;
  timeoutMs: number;
  /** Profile the first process (node --cpu-prof) into this folder. */
  cpuProfDir?: string | undefined;
  /** The first process's /metrics port (http.port in its config), to sample its memory; only with 1 process. */
  metricsPort?: number | undefined;
}

/** A daemon process after the drain, with what its logs showed. */
export interface DrainedDaemon extends StoppedDaemon {
  pid: number;
  logCounts: Record<string, number>;
  logSamples: string[];
  stderr: string;
}

export interface DrainResult {
  processes: number;
  /** From spawning the daemons to the last acknowledgement with every application filed; null if not reached. */
  ms: number | null;
  outcome: string;
  /** From spawning to the first process logging "daemon started"; null if none did. */
  startMs: number | null;
  acknowledged: number;
  filed: number;
  /** Replies to addresses that sent no application (noise must get none). */
  unexpectedReplies: number;
  /** Applicants replied to more than once. */
  duplicateReplies: number;
  daemons: DrainedDaemon[];
  /** The daemons' IMAP commands by name, when counted. */
  imapCommands?: Record<string, number>;
  /** The first daemon's memory at its highest sampled RSS, by its own metrics; null when not sampled. */
  memoryAtPeak?: MemorySample | null;
  /**
   * CPU seconds of the daemon processes and their reading processes, from spawning them until they exited after
   * the drain (null where /proc is missing).
   */
  cpuSeconds: number | null;
}

const ACK_POLL_MS = 50;
const FILED_POLL_MS = 1000;
const PROGRESS_MS = 10_000;

/** Starts the daemons on the full INBOX and times them until every application is acknowledged and filed. */
export async function measureDrain(plan: DrainPlan): Promise<DrainResult> {
  const replies = new ReplyCounter(plan.sink, plan.applicants);
  const started = performance.now();
  const cpuBefore = endedChildrenCpuSeconds();
  const daemons = Array.from({ length: plan.processes }, (_, index) =>
    startDaemonProcess(plan.configFile, plan.entry, index === 0 ? plan.cpuProfDir : undefined),
  );
  const sampler = plan.metricsPort === undefined ? null : sampleMetricsMemory(plan.metricsPort);
  let startMs: number | null = null;
  void Promise.race(daemons.map((daemon) => daemon.logs.waitFor('daemon started'))).then(
    () => (startMs = performance.now() - started),
  );
  let waited: { ms: number | null; outcome: string; filed: number };
  let drained: DrainedDaemon[];
  let memoryAtPeak: MemorySample | null;
  try {
    waited = await waitForDrain(plan, daemons, replies, started);
  } finally {
    memoryAtPeak = (await sampler?.stop()) ?? null;
    drained = await stopAll(daemons);
  }
  replies.update();
  // The daemons have exited and been waited for: their CPU time, and their readers', is now this process's cutime.
  const cpuAfter = endedChildrenCpuSeconds();
  return {
    cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    processes: plan.processes,
    ...waited,
    startMs,
    acknowledged: replies.acknowledged.size,
    unexpectedReplies: replies.unexpected,
    duplicateReplies: replies.duplicates,
    daemons: drained,
    memoryAtPeak,
  };
}

/** Stops every daemon (at once), keeping what their logs showed. */
async function stopAll(daemons: DaemonProcess[]): Promise<DrainedDaemon[]> {
  const stopped = await Promise.all(daemons.map((daemon) => daemon.stop()));
  return stopped.map((stop, index): DrainedDaemon => {
    const { pid, logs } = daemons[index] as DaemonProcess;
    return {
      ...stop,
      pid,
      logCounts: { ...logs.counts },
      logSamples: [...logs.samples],
      stderr: logs.stderr,
    };
  });
}

async function waitForDrain(
  plan: DrainPlan,
  daemons: DaemonProcess[],
  replies: ReplyCounter,
  started: number,
): Promise<{ ms: number | null; outcome: string; filed: number }> {
  let failure: string | null = null;
  for (const daemon of daemons) {
    void daemon.exited.then((exit) => (failure ??= `daemon ${daemon.pid} exited by itself (${exit})`));
  }
  const deadline = started + plan.timeoutMs;
  const total = plan.applicants.size;
  let acknowledgedAt: number | null = null;
  let reported = started;
  for (let checks = 0; performance.now() < deadline && failure === null;) {
    replies.update();
    if (acknowledgedAt === null && replies.acknowledged.size >= total) acknowledgedAt = performance.now();
    if (acknowledgedAt !== null) {
      // Filing comes before the reply, so the first check normally passes; later ones are a second apart.
      const filed = await countFiled(plan.store);
      checks += 1;
      if (filed >= total) {
        const end = checks === 1 ? acknowledgedAt : performance.now();
        return { ms: end - started, outcome: 'drained', filed };
      }
    }
    if (performance.now() - reported >= PROGRESS_MS) {
      reported = performance.now();
      const seconds = Math.round((reported - started) / 1000);
      progress(
        `drain, ${plan.processes} process(es): ${replies.acknowledged.size} of ${total} acknowledged, ${seconds} s`,
      );
    }
    await sleep(acknowledgedAt === null ? ACK_POLL_MS : FILED_POLL_MS);
  }
  const filed = await countFiled(plan.store);
  return { ms: null, outcome: failure ?? 'timed out', filed };
}

/** Candidates of the vacancy whose first message has been filed. */
async function countFiled(store: CandidateStore): Promise<number> {
  const candidates = await store.list([VACANCY_ID]);
  return candidates.filter((candidate) => typeof candidate.messages[0]?.filedTo === 'string').length;
}

/** Reads the sink's new messages: who was acknowledged, and what should not have been sent. */
class ReplyCounter {
  readonly acknowledged = new Set<string>();
  unexpected = 0;
  duplicates = 0;
  #read = 0;
  readonly #sink: SmtpSink;
  readonly #applicants: ReadonlySet<string>;

  constructor(sink: SmtpSink, applicants: ReadonlySet<string>) {
    this.#sink = sink;
    this.#applicants = applicants;
  }

  update(): void {
    for (const message of this.#sink.messages.slice(this.#read)) {
      for (const to of message.to.map((address) => address.toLowerCase())) {
        if (!this.#applicants.has(to)) this.unexpected += 1;
        else if (this.acknowledged.has(to)) this.duplicates += 1;
        else this.acknowledged.add(to);
      }
    }
    this.#read = this.#sink.messages.length;
  }
}
