import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { childExecArgv } from './child-exec-argv.ts';
import { RssWatchdog } from './rss-watchdog.ts';
import { SpooledContent } from './attachment-bytes.ts';
import { BYTES_FD, detachBytes } from './task-bytes.ts';

/** How a reading process's memory is bounded: the kernel's data limit, an RSS watchdog, or V8's heap limit only. */
export type MemoryBound = 'kernel' | 'watchdog' | 'heap';

/** What a reading process says once it can take tasks: its bound, and the memory (MB) it used before any. */
export interface ChildReady {
  type: 'ready';
  bound: 'kernel' | 'none';
  /** VmData under the kernel bound, RSS otherwise: what the bound adds `memoryMb` to. */
  baselineMb: number;
}

/** One task sent to a reading process. */
export interface ChildTask {
  type: 'task';
  id: number;
  task: unknown;
  /** The task's `bytes` follow on the bytes pipe (see task-bytes), this many; null: the task has none. */
  byteLength: number | null;
}

/** A reading process's answer to one task, or (`extend`) a request for more time for it: OCR has started. */
export type ChildAnswer =
  | { type: 'answer'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'extend'; id: number; seconds: number };

/** How one task went: its result, or why there is none (`withdrawn`: the caller's signal stopped it). */
export type ReadingOutcome =
  | { status: 'done'; result: unknown }
  | { status: 'timeout' | 'withdrawn' | 'closed' }
  | { status: 'out-of-memory'; bound: MemoryBound }
  | { status: 'crashed'; detail: string };

export interface ReadingProcessOptions {
  /** The entry module of the process (reading-child). */
  entry: URL;
  /** The worker module it loads: its default export takes a task and returns the result. */
  workerFile: URL;
  memoryMb: number;
  /** `watchdog` skips the kernel bound (to test the fallback). */
  memoryBound?: 'auto' | 'watchdog';
}

type KillReason = 'timeout' | 'withdrawn' | 'closed' | 'out-of-memory';

// V8's young generation is three semi-spaces: 4 MB each keeps it at 12 MB, as the worker threads had it (npm run
// bench measured about 230 MB less at peak with two threads that way, at no cost in throughput).
const SEMI_SPACE_MB = 4;
const START_TIMEOUT_MS = 60_000;
// The most one request for more time may add (extraction.ocr.timeoutSeconds's maximum).
const MAX_EXTENSION_SECONDS = 3600;
const STDERR_TAIL_CHARACTERS = 4096;
const OUT_OF_MEMORY = /out of memory|allocation failed/i;

/**
 * One child process that reads documents, one at a time, under a memory bound that counts all its memory (see
 * reading-child). A task that runs over its time, is withdrawn or exhausts the memory kills the process: it is
 * then not `usable`, and the pool starts another.
 */
export class ReadingProcess {
  readonly #child;
  readonly #bytes: Writable;
  readonly #ready: Promise<ChildReady | ReadingOutcome>;
  readonly #closed: Promise<void>;
  readonly #memoryMb: number;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  #killedFor: KillReason | null = null;
  #stderr = '';
  #nextId = 1;
  #watchdog: RssWatchdog | null = null;
  #bound: MemoryBound = 'heap';
  /** Documents given to this process so far. */
  documents = 0;
  /** The size of the largest document given to it, in bytes. */
  largestBytes = 0;

  constructor(options: ReadingProcessOptions) {
    this.#memoryMb = options.memoryMb;
    const args = [
      ...childExecArgv(process.execArgv),
      `--max-old-space-size=${options.memoryMb}`,
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
      fileURLToPath(options.entry),
      options.workerFile.href,
      String(options.memoryMb),
      options.memoryBound ?? 'auto',
    ];
    this.#child = spawn(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc', 'pipe'],
      serialization: 'advanced',
    });
    this.#bytes = this.#child.stdio[BYTES_FD] as Writable;
    // A process killed while its bytes were on their way: the write fails, and the task ends as the process did.
    this.#bytes.on('error', () => this.kill('closed'));
    this.#child.stderr?.setEncoding('utf8');
    this.#child.stderr?.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-STDERR_TAIL_CHARACTERS);
    });
    this.#closed = new Promise((resolve) => {
      this.#child.on('close', (code, signal) => {
        this.#exit = { code, signal };
        this.#watchdog?.stop();
        resolve();
      });
    });
    this.#child.on('error', () => this.kill('closed'));
    // Held from its start to the end of its first document: a process is only started for a document.
    this.#ready = this.#whenReady();
  }

  /** False once the process has exited or is being killed. */
  get usable(): boolean {
    return this.#exit === null && this.#killedFor === null;
  }

  /**
   * Sends one task and waits for its outcome; `timeoutMs` runs from when it is sent, and grows by the seconds the
   * process asks for (OCR started), each told to `onExtend` too.
   */
  async run(
    task: unknown,
    timeoutMs: number,
    signal?: AbortSignal,
    onExtend?: (seconds: number) => void,
  ): Promise<ReadingOutcome> {
    const ready = await this.#ready;
    if ('status' in ready) return ready;
    if (!this.usable) return this.#exitOutcome();
    if (signal?.aborted === true) return { status: 'withdrawn' };
    this.documents += 1;
    const id = this.#nextId++;
    let deadline = Date.now() + timeoutMs;
    let timer = setTimeout(() => this.kill('timeout'), timeoutMs);
    const withdraw = () => this.kill('withdrawn');
    signal?.addEventListener('abort', withdraw, { once: true });
    this.#watchdog?.start();
    this.#hold(true);
    try {
      return await new Promise<ReadingOutcome>((resolve) => {
        const onMessage = (message: ChildAnswer) => {
          if (message.id !== id) return;
          if (message.type === 'extend') {
            const seconds = Math.max(0, Math.min(message.seconds, MAX_EXTENSION_SECONDS));
            deadline += seconds * 1000;
            clearTimeout(timer);
            timer = setTimeout(() => this.kill('timeout'), Math.max(0, deadline - Date.now()));
            onExtend?.(seconds);
            return;
          }
          this.#child.off('message', onMessage);
          resolve(this.#answerOutcome(message));
        };
        this.#child.on('message', onMessage);
        void this.#closed.then(() => resolve(this.#exitOutcome()));
        const sent = detachBytes(task);
        const message: ChildTask = {
          type: 'task',
          id,
          task: sent.task,
          byteLength: sent.bytes === null ? null : byteLength(sent.bytes),
        };
        this.#child.send(message, (error) => {
          if (error) this.kill('closed');
        });
        if (sent.bytes instanceof SpooledContent) this.#sendFile(sent.bytes);
        else if (sent.bytes !== null) this.#bytes.write(sent.bytes);
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', withdraw);
      this.#watchdog?.stop();
      this.#hold(false);
    }
  }

  // A spooled attachment's bytes, piped from its file. A file that cannot be read, or whose length is not the one
  // announced, ends the task as a closed process: the document is then marked failed, never read in part.
  #sendFile(content: SpooledContent): void {
    const file = content.stream();
    pipeline(file, this.#bytes, { end: false }).then(
      () => {
        if (file.bytesRead !== content.length) this.kill('closed');
      },
      () => this.kill('closed'),
    );
  }

  // Only a process reading a document keeps the daemon's event loop alive: an idle one does not hold up an exit.
  #hold(busy: boolean): void {
    const handles = [
      this.#child,
      this.#child.channel,
      this.#bytes as { ref?(): void; unref?(): void },
      this.#child.stderr as { ref?(): void; unref?(): void } | null,
    ];
    for (const handle of handles) {
      if (busy) handle?.ref?.();
      else handle?.unref?.();
    }
  }

  /** Resolves once the process is ready for tasks, or could not start (its first task then says why). */
  async started(): Promise<void> {
    await this.#ready;
  }

  /** Kills the process (SIGKILL); a task it was running comes back with `reason`. */
  kill(reason: KillReason): void {
    this.#killedFor ??= reason;
    if (this.#exit !== null) return;
    // Held until it has exited: whoever awaits closed() must not see the event loop drain first.
    this.#hold(true);
    this.#child.kill('SIGKILL');
  }

  /** Resolves once the process has exited. */
  closed(): Promise<void> {
    return this.#closed;
  }

  async #whenReady(): Promise<ChildReady | ReadingOutcome> {
    let onMessage: (message: ChildReady) => void = () => {};
    const ready = new Promise<ChildReady>((resolve) => {
      onMessage = (message) => {
        if (message.type === 'ready') resolve(message);
      };
      this.#child.on('message', onMessage);
    });
    const timer = setTimeout(() => this.kill('timeout'), START_TIMEOUT_MS);
    const outcome = await Promise.race([ready, this.#closed.then(() => this.#startFailure())]);
    clearTimeout(timer);
    this.#child.off('message', onMessage);
    if (!('status' in outcome)) {
      this.#watchdog = this.#watchdogFor(outcome);
      this.#bound = outcome.bound === 'kernel' ? 'kernel' : this.#watchdog === null ? 'heap' : 'watchdog';
    }
    return outcome;
  }

  #watchdogFor(ready: ChildReady): RssWatchdog | null {
    if (ready.bound === 'kernel' || this.#child.pid === undefined) return null;
    const limitMb = ready.baselineMb + this.#memoryMb;
    return RssWatchdog.forProcess(this.#child.pid, limitMb, () => this.kill('out-of-memory'));
  }

  /** The bound in force once ready (`heap` if it never was). */
  async bound(): Promise<MemoryBound> {
    await this.#ready;
    return this.#bound;
  }

  #answerOutcome(message: Exclude<ChildAnswer, { type: 'extend' }>): ReadingOutcome {
    if (message.type === 'answer') return { status: 'done', result: message.result };
    if (OUT_OF_MEMORY.test(message.message)) return this.#outOfMemory();
    return { status: 'crashed', detail: message.message };
  }

  #exitOutcome(): ReadingOutcome {
    if (this.#killedFor === 'out-of-memory') return this.#outOfMemory();
    if (this.#killedFor !== null) return { status: this.#killedFor };
    if (OUT_OF_MEMORY.test(this.#stderr)) return this.#outOfMemory();
    return { status: 'crashed', detail: this.#exitDetail() };
  }

  #startFailure(): ReadingOutcome {
    const outcome = this.#exitOutcome();
    if (outcome.status !== 'crashed') return outcome;
    return { status: 'crashed', detail: `the reading process did not start: ${outcome.detail}` };
  }

  #outOfMemory(): ReadingOutcome {
    return { status: 'out-of-memory', bound: this.#bound };
  }

  #exitDetail(): string {
    const lastLine = this.#stderr.trim().split('\n').at(-1)?.trim();
    const exit = this.#exit;
    const how = exit?.signal != null ? `killed by ${exit.signal}` : `exit code ${exit?.code ?? 'unknown'}`;
    return lastLine ? `${how}: ${lastLine}` : how;
  }
}

function byteLength(bytes: Uint8Array | SpooledContent): number {
  return bytes instanceof SpooledContent ? bytes.length : bytes.byteLength;
}
