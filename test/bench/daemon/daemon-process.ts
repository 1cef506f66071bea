import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { YOUNG_GENERATION_FLAG } from '../../../src/cli/node-flags.ts';
import { spawnCli } from '../../support/run-cli.ts';
import { processCpuSeconds } from './cpu-seconds.ts';
import { DaemonLogs } from './daemon-logs.ts';
import { sampleTreeRss, type TreePeak } from './tree-rss.ts';

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
/** The daemon as installed: `npm run build`'s output. */
export const COMPILED_MAIN = fileURLToPath(new URL('../../../dist/src/cli/main.js', import.meta.url));
const KILL_AFTER_MS = 30_000;

/** A `triage start` process of the benchmark. */
export interface DaemonProcess {
  pid: number;
  logs: DaemonLogs;
  /** Resolves with a description when the process exits by itself (it should not). */
  exited: Promise<string>;
  /** Reads its peak RSS, then SIGTERM (SIGKILL after 30 s); resolves once it has exited. */
  stop(): Promise<StoppedDaemon>;
}

export interface StoppedDaemon {
  /** VmHWM just before SIGTERM: the process's peak resident memory, worker threads included. */
  peakRssBytes: number | null;
  /** The peak of the daemon's RSS plus its document-reading child processes', sampled every 100 ms. */
  peakTreeRssBytes: number | null;
  /** How it ended: `code 0`, `signal SIGKILL`… */
  exit: string;
  /** It had to be killed. */
  killed: boolean;
  /** From SIGTERM to its exit. */
  stopMs: number;
  /** CPU seconds the daemon process itself had used just before SIGTERM (its reading processes not included). */
  ownCpuSeconds: number | null;
}

/**
 * Starts `triage --config <file> start` from source, or from `entry` (COMPILED_MAIN); with `cpuProfDir`, under
 * `node --cpu-prof` writing its profile there.
 */
export function startDaemonProcess(
  configFile: string,
  entry: string | null,
  cpuProfDir?: string,
): DaemonProcess {
  const args = ['--config', configFile, 'start'];
  const profile = cpuProfDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', cpuProfDir];
  const child =
    entry === null && cpuProfDir === undefined
      ? spawnCli(args)
      : spawn(process.execPath, [YOUNG_GENERATION_FLAG, ...profile, entry ?? MAIN, ...args], {
          env: { ...process.env, TRIAGE_LOG_FORMAT: 'json' },
        });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the daemon process did not start');
  const logs = new DaemonLogs(child.stdout, child.stderr);
  // Every 100 ms, not 25: the sampler shares the cores the daemon works on (each sample reads /proc for every
  // thread of the daemon and its readers).
  const tree = sampleTreeRss(pid, 100);
  const exited = once(child, 'exit').then(([code, signal]) => describeExit(code, signal));
  return { pid, logs, exited, stop: () => stopDaemon(child, pid, tree) };
}

async function stopDaemon(
  child: ChildProcessWithoutNullStreams,
  pid: number,
  tree: { stop(): Promise<TreePeak> },
): Promise<StoppedDaemon> {
  const peakTreeRssBytes = (await tree.stop()).treeBytes || null;
  if (child.exitCode !== null || child.signalCode !== null) {
    const exit = describeExit(child.exitCode, child.signalCode);
    return { peakRssBytes: null, peakTreeRssBytes, exit, killed: false, stopMs: 0, ownCpuSeconds: null };
  }
  const peakRssBytes = await readPeakRss(pid);
  const ownCpuSeconds = processCpuSeconds(pid);
  const exit = once(child, 'exit');
  const stopping = performance.now();
  child.kill('SIGTERM');
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, KILL_AFTER_MS);
  const [code, signal] = (await exit) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return {
    peakRssBytes,
    peakTreeRssBytes,
    exit: describeExit(code, signal),
    killed,
    stopMs: performance.now() - stopping,
    ownCpuSeconds,
  };
}

/** VmHWM ("high water mark") of a process, from /proc, in bytes; null where there is no /proc. */
export function readPeakRss(pid: number): Promise<number | null> {
  return readStatusBytes(pid, 'VmHWM');
}

/** VmRSS of a process now, in bytes; null where there is no /proc. */
export function readRss(pid: number): Promise<number | null> {
  return readStatusBytes(pid, 'VmRSS');
}

async function readStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kilobytes = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1];
    return kilobytes === undefined ? null : Number(kilobytes) * 1024;
  } catch {
    return null;
  }
}

function describeExit(code: unknown, signal: unknown): string {
  return typeof signal === 'string' ? `signal ${signal}` : `code ${String(code)}`;
}
