import { setTimeout as sleep } from 'node:timers/promises';
import type { SmtpSink } from '../../support/smtp-sink.ts';
import { applicantAt } from '../backlog/applicants.ts';
import { buildCv, buildTranscript, uniqueCopy } from '../backlog/backlog-documents.ts';
import { applicationMail } from '../backlog/build-backlog.ts';
import { progress } from '../measure.ts';
import { seededRandom } from '../thesis-prose.ts';
import { countsSince, type ImapCommandCounter } from '../../support/imap-command-counter.ts';
import { readRss, startDaemonProcess, type StoppedDaemon } from './daemon-process.ts';
import type { ApplicationPhases, PhaseReader } from './latency-phases.ts';

/** The latency run: one idle daemon, one new application at a time. */
export interface LatencyPlan {
  count: number;
  configFile: string;
  /** The daemon's entry when not run from source (COMPILED_MAIN). */
  entry: string | null;
  sink: SmtpSink;
  /** APPENDs a message to INBOX (on the benchmark's own connection, not counted); where it went, by APPENDUID. */
  append(raw: Buffer): Promise<AppendedMessage>;
  /** Counts the daemon's IMAP commands (its configuration points at this proxy). */
  imap: ImapCommandCounter;
  /** Reads where each application's time went, right after its acknowledgement. */
  phases: PhaseReader;
}

/** Where APPEND put a message; both unknown without UIDPLUS. */
export interface AppendedMessage {
  uid: number | undefined;
  uidValidity: string | undefined;
}

export interface LatencyResult {
  /** Milliseconds from just before each APPEND to its acknowledgement reaching the sink. */
  samplesMs: number[];
  /** Applications not acknowledged within 60 s. */
  missed: number;
  /** Where the time of each acknowledged application went. */
  phases: ApplicationPhases[];
  /** The daemon's IMAP commands while the applications came in, by name. */
  imapCommands: Record<string, number>;
  daemon: StoppedDaemon & { logCounts: Record<string, number>; logSamples: string[] };
  /** The daemon's RSS once started and idle (2 s after "daemon started", before any mail). */
  idleRssBytes: number | null;
}

const START_TIMEOUT_MS = 60_000;
const SETTLE_MS = 2000;
const REPLY_TIMEOUT_MS = 60_000;
// Applicants numbered far above the backlog's, so their addresses are new to every run.
const FIRST_APPLICANT = 1_000_000;

/** Starts one daemon on an empty INBOX, then delivers applications one by one and times each acknowledgement. */
export async function measureLatency(plan: LatencyPlan): Promise<LatencyResult> {
  const mails = await buildApplications(plan.count);
  const waiting = new Map<string, (at: Received) => void>();
  plan.sink.onReceived((message) => {
    const at = { monotonic: performance.now(), wall: Date.now() };
    for (const to of message.to) waiting.get(to.toLowerCase())?.(at);
  });
  const daemon = startDaemonProcess(plan.configFile, plan.entry);
  const samplesMs: number[] = [];
  const phases: ApplicationPhases[] = [];
  let missed = 0;
  let imapCommands: Record<string, number>;
  let stopped: StoppedDaemon;
  let idleRssBytes: number | null;
  try {
    await waitForStart(daemon.logs.waitFor('daemon started'), daemon.exited);
    await sleep(SETTLE_MS);
    idleRssBytes = await readRss(daemon.pid);
    await plan.phases.begin();
    const before = plan.imap.counts();
    for (const [index, mail] of mails.entries()) {
      const replied = new Promise<Received>((resolve) => waiting.set(mail.address, resolve));
      const [sent, sentAt] = [performance.now(), Date.now()];
      const appended = await plan.append(mail.raw);
      const appendedAt = Date.now();
      const at = await Promise.race([replied, sleep(REPLY_TIMEOUT_MS, null, { ref: false })]);
      waiting.delete(mail.address);
      if (at === null) {
        missed += 1;
      } else {
        const totalMs = at.monotonic - sent;
        samplesMs.push(totalMs);
        phases.push(
          await plan.phases.read({
            ...appended,
            sentAt,
            appendedAt,
            receivedAt: at.wall,
            reactedAt: [...plan.imap.times('DONE'), ...plan.imap.times('NOOP')]
              .filter((command) => command >= sentAt)
              .sort((a, b) => a - b),
            totalMs,
          }),
        );
      }
      if ((index + 1) % 20 === 0) progress(`latency: ${index + 1} of ${mails.length}`);
    }
    imapCommands = countsSince(before, plan.imap.counts());
  } finally {
    plan.sink.onReceived(null);
    stopped = await daemon.stop();
  }
  const logs = { logCounts: { ...daemon.logs.counts }, logSamples: [...daemon.logs.samples] };
  return { samplesMs, missed, phases, imapCommands, daemon: { ...stopped, ...logs }, idleRssBytes };
}

/** When the sink received an acknowledgement: on the clock of the samples, and on the jobs' (wall) clock. */
interface Received {
  monotonic: number;
  wall: number;
}

async function waitForStart(started: Promise<void>, exited: Promise<string>): Promise<void> {
  const outcome = await Promise.race([
    started.then(() => 'started'),
    exited.then((exit) => `the daemon exited at start (${exit})`),
    sleep(START_TIMEOUT_MS, `the daemon did not log "daemon started" within ${START_TIMEOUT_MS / 1000} s`, {
      ref: false,
    }),
  ]);
  if (outcome !== 'started') throw new Error(outcome);
}

/** Applications with a CV and a transcript, both PDF, from applicants no run has seen. */
async function buildApplications(count: number): Promise<Array<{ address: string; raw: Buffer }>> {
  const random = seededRandom(4242);
  const transcript = await buildTranscript(4243, 1);
  const mails: Array<{ address: string; raw: Buffer }> = [];
  for (let index = 0; index < count; index += 1) {
    const applicant = applicantAt(FIRST_APPLICANT + index);
    const documents = [await buildCv(applicant, random, 'pdf'), uniqueCopy(transcript, `latency-${index}`)];
    mails.push({
      address: applicant.address,
      raw: await applicationMail(applicant, FIRST_APPLICANT + index, documents),
    });
  }
  return mails;
}

/** The value below which `p` % of the values lie (nearest rank); null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}
