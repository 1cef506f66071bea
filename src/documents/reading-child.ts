// The entry point of a document reading process (started by ReadingProcess, never imported): loads the worker
// module named by its first argument, bounds its own memory, says it is ready, then answers the tasks its parent
// sends over the IPC channel, one at a time. It exits when that channel closes, and kills itself when its parent
// is gone (a parent killed with -9 cannot close it).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { onOcrStart } from './ocr/ocr-notice.ts';
import type { ChildAnswer, ChildReady, ChildTask } from './reading-process.ts';
import { attachBytes, BYTES_FD, ByteIntake } from './task-bytes.ts';

const MEGABYTE = 1024 * 1024;
// What the process reserves after it measures its baseline (the heap growing back after the module loaded; about
// 50 MB measured), so that a document still gets its `memoryMb`.
const BASELINE_SLACK_MB = 64;
// How often the orphan guard looks for its parent.
const ORPHAN_CHECK_MS = 1000;

type WorkerFunction = (task: unknown) => unknown;

async function startReadingChild(): Promise<void> {
  const [workerHref, memoryArgument, mode] = process.argv.slice(2);
  const memoryMb = Number(memoryArgument);
  if (process.send === undefined || workerHref === undefined || !(memoryMb > 0)) {
    console.error(
      'reading-child: needs an IPC channel, a worker module URL, a memory limit in MB and a mode',
    );
    process.exit(2);
  }
  process.on('disconnect', () => process.exit(0));
  await guardAgainstOrphaning();
  const work = ((await import(workerHref)) as { default: WorkerFunction }).default;
  // Starts libuv's thread pool (its stacks are data too) before the baseline is measured.
  await readFile(new URL(import.meta.url));
  const bound = mode === 'watchdog' ? unbounded() : limitOwnMemory(memoryMb);
  const ready: ChildReady = { type: 'ready', ...bound };
  const bytes = new Socket({ fd: BYTES_FD, readable: true, writable: false });
  bytes.unref();
  const intake = new ByteIntake(bytes);
  process.on('message', (message: ChildTask) => void answer(work, message, intake));
  process.send(ready);
}

/**
 * Caps this process's data segment (RLIMIT_DATA: heap, typed arrays, native buffers and thread stacks alike) at
 * a baseline plus `memoryMb`. The baseline is what it holds now, with the worker module loaded and no document
 * read, plus BASELINE_SLACK_MB: Node 24 reserves about 560 MB of data before it runs any code (it does not start
 * under --data=550 MB), loading the worker module (pdf.js, and the type stripper when run from source) takes it to
 * about 2.2 GB here, almost all of it reserved and never touched (RSS about 140 MB); a fixed limit would either
 * stop it starting or give a document that much more. Past the cap an allocation fails: a RangeError, or V8's
 * fatal out-of-memory, which ends only this process. `prlimit` (util-linux) sets it, for want of setrlimit in Node.
 */
function limitOwnMemory(memoryMb: number): Omit<ChildReady, 'type'> {
  const dataMb = currentDataMb();
  if (dataMb === null) return unbounded();
  const limit = Math.ceil((dataMb + BASELINE_SLACK_MB + memoryMb) * MEGABYTE);
  const set = spawnSync('prlimit', ['--pid', String(process.pid), `--data=${limit}`], { stdio: 'ignore' });
  return set.status === 0 ? { bound: 'kernel', baselineMb: dataMb } : unbounded();
}

// No kernel bound: the parent watches the RSS, over what it is now.
function unbounded(): Omit<ChildReady, 'type'> {
  return { bound: 'none', baselineMb: process.memoryUsage.rss() / MEGABYTE };
}

/** VmData of this process in MB, or null where /proc does not say (not Linux). */
function currentDataMb(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const line = /^VmData:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return line?.[1] === undefined ? null : Number(line[1]) / 1024;
  } catch {
    return null;
  }
}

// A thread of its own, so that it runs even while a document keeps the main thread busy. Resolves once it runs
// (its memory is then part of the baseline).
function guardAgainstOrphaning(): Promise<void> {
  const code = `
    const { workerData } = require('node:worker_threads');
    setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, 'SIGKILL'); }, ${ORPHAN_CHECK_MS});
  `;
  const guard = new Worker(code, {
    eval: true,
    workerData: process.ppid,
    resourceLimits: { maxOldGenerationSizeMb: 8 },
  });
  guard.unref();
  return new Promise((resolve) => guard.once('online', () => resolve()));
}

async function answer(work: WorkerFunction, message: ChildTask, intake: ByteIntake): Promise<void> {
  // One task at a time: OCR starting belongs to this one, and gives it (and its message) more time.
  onOcrStart((seconds) => process.send?.({ type: 'extend', id: message.id, seconds } satisfies ChildAnswer));
  let reply: ChildAnswer;
  try {
    const task =
      message.byteLength === null
        ? message.task
        : attachBytes(message.task, await intake.take(message.byteLength));
    reply = { type: 'answer', id: message.id, result: await work(task) };
  } catch (error) {
    reply = {
      type: 'error',
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  try {
    process.send?.(reply);
  } catch (error) {
    // A result that cannot be sent (not serialisable): say so instead.
    const text = `the result could not be sent: ${error instanceof Error ? error.message : String(error)}`;
    process.send?.({ type: 'error', id: message.id, message: text } satisfies ChildAnswer);
  }
}

await startReadingChild();
