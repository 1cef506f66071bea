import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ExtractionConfig } from '../config/schema.ts';
import { unreadable } from './extract/extraction-result.ts';
import { sniffFormat } from './extract/sniff-format.ts';
import type { ExtractedText, ExtractionHint, ExtractionLimits } from './extraction.ts';

const YOUNG_GENERATION_MB = 12;

/** One job for a document thread: the bytes (transferred, not copied), the hint, the limits, and `extra`. */
export interface ThreadTask<Extra> {
  bytes: ArrayBuffer;
  hint: ExtractionHint;
  limits: ExtractionLimits;
  extra: Extra;
}

export interface DocumentThreadsOptions<Extra, Result> {
  /** The worker module: its default export takes a ThreadTask<Extra> and returns a Result. */
  workerFile: URL;
  /** The Result of a document not read: too large, or its thread failed, timed out or was closed. */
  failed: (extraction: ExtractedText, extra: Extra) => Result;
  /** Seconds an idle thread lives before it exits. */
  idleSeconds?: number;
}

/**
 * Runs document work in a pool of worker threads, so that a slow or hostile document neither blocks the event
 * loop nor takes the process down: each document gets `timeoutSeconds` (its thread is terminated when it runs
 * over) and a heap of `memoryMb`. Documents wait here for a free thread, so the time limit only starts when one
 * is about to run it.
 */
export class DocumentThreads<Extra, Result> {
  readonly #piscina: Piscina<ThreadTask<Extra>, Result>;
  readonly #config: ExtractionConfig;
  readonly #limits: ExtractionLimits;
  readonly #threads: number;
  readonly #failed: (extraction: ExtractedText, extra: Extra) => Result;
  #running = 0;
  #waiting: ((admitted: boolean) => void)[] = [];
  #closed = false;

  constructor(config: ExtractionConfig, options: DocumentThreadsOptions<Extra, Result>) {
    const { threads, ...limits } = config;
    this.#config = config;
    this.#limits = limits;
    this.#failed = options.failed;
    this.#threads = threads === 0 ? availableParallelism() : threads;
    this.#piscina = new Piscina<ThreadTask<Extra>, Result>({
      filename: options.workerFile.href,
      minThreads: 0,
      maxThreads: this.#threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: (options.idleSeconds ?? 60) * 1000,
      // A small young generation: V8's default lets each thread's nursery grow to tens of MB, which a daemon
      // process carries as resident memory for every thread (measured by npm run bench: about 230 MB less at
      // peak with two threads, at no cost in throughput).
      resourceLimits: {
        maxOldGenerationSizeMb: config.memoryMb,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
    // A thread dying between tasks is reported here; a dying task's thread fails that task (see #run).
    this.#piscina.on('error', () => {});
  }

  /** Runs one document. Never rejects: timeouts, thread crashes and out-of-memory become `failed` results. */
  async run(content: Buffer, hint: ExtractionHint, extra: Extra): Promise<Result> {
    if (content.length > this.#limits.maxBytes) {
      const reason = `${content.length} bytes, over the limit of ${this.#limits.maxBytes}`;
      return this.#failed(unreadable(sniffFormat(content, hint), 'too-large', reason), extra);
    }
    if (!(await this.#admit())) {
      return this.#failed(unreadable(sniffFormat(content, hint), 'failed', 'the reader is closed'), extra);
    }
    try {
      return await this.#run(content, hint, extra);
    } finally {
      // Hand the thread slot straight to the next waiting document, or give it back.
      const next = this.#waiting.shift();
      if (next === undefined) this.#running -= 1;
      else next(true);
    }
  }

  /** Stops all threads; documents still waiting or running come back as `failed`. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const admit of this.#waiting.splice(0)) admit(false);
    await this.#piscina.destroy();
  }

  async #admit(): Promise<boolean> {
    if (this.#closed) return false;
    if (this.#running < this.#threads) {
      this.#running += 1;
      return true;
    }
    return new Promise<boolean>((resolve) => this.#waiting.push(resolve));
  }

  async #run(content: Buffer, hint: ExtractionHint, extra: Extra): Promise<Result> {
    const bytes = new ArrayBuffer(content.byteLength);
    new Uint8Array(bytes).set(content);
    const signal = AbortSignal.timeout(this.#config.timeoutSeconds * 1000);
    try {
      return await this.#piscina.run(
        { bytes, hint, limits: this.#limits, extra },
        { signal, transferList: [bytes] },
      );
    } catch (error) {
      return this.#failed(unreadable(sniffFormat(content, hint), ...this.#why(error, signal)), extra);
    }
  }

  #why(error: unknown, signal: AbortSignal): ['timeout' | 'failed', string] {
    if (signal.aborted)
      return ['timeout', `reading took over ${this.#config.timeoutSeconds} s and was stopped`];
    if (this.#closed) return ['failed', 'the reader was closed'];
    if (isOutOfMemory(error))
      return ['failed', `reading ran out of memory (limit ${this.#config.memoryMb} MB)`];
    return ['failed', `the reader crashed: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** A module beside `base` (an `import.meta.url`), with its extension: `.ts` from source, `.js` when built. */
export function siblingModule(base: string, name: string): URL {
  const extension = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base);
}

function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
