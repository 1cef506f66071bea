import { availableParallelism } from 'node:os';
import type { ExtractionConfig } from '../config/schema.ts';
import { headOf, type AttachmentBytes } from './attachment-bytes.ts';
import { unreadable } from './extract/extraction-result.ts';
import { sniffFormat } from './extract/sniff-format.ts';
import type { ExtractedText, ExtractionHint, ExtractionLimits, ExtractionStatus } from './extraction.ts';
import type { ReadingClock } from './message-clock.ts';
import { ReadingProcess, type MemoryBound, type ReadingOutcome } from './reading-process.ts';

// V8's heap does not give back all it grew to, so a process that read a large document would keep that memory for
// good: it is replaced right after a document of LARGE_DOCUMENT_BYTES or more (a 25 MB PDF of figures took a
// reading process from about 190 MB to 245 MB), and after DOCUMENTS_PER_PROCESS in any case. Small documents one
// after another leave its memory where it was, and each start costs CPU (loading pdf.js and the readers, about
// 0.8 s, then a slower first lap while V8 compiles them): 480 small documents read one by one took 44.4 CPU seconds
// replaced every 50, 28.0 every 500.
const LARGE_DOCUMENT_BYTES = 4 * 1024 * 1024;
const DOCUMENTS_PER_PROCESS = 250;

const BOUND_WORDS: Record<MemoryBound, string> = {
  kernel: "the kernel's data limit",
  watchdog: 'an RSS watchdog',
  heap: 'the JavaScript heap only',
};

/** One job for a reading process: the bytes, the hint, the limits, and `extra`. */
export interface ThreadTask<Extra> {
  bytes: Uint8Array;
  hint: ExtractionHint;
  limits: ExtractionLimits;
  extra: Extra;
}

export interface DocumentThreadsOptions<Extra, Result> {
  /** The worker module: its default export takes a ThreadTask<Extra> and returns a Result. */
  workerFile: URL;
  /** The Result of a document not read: too large, or its process failed, timed out or was closed. */
  failed: (extraction: ExtractedText, extra: Extra) => Result;
  /** Seconds an idle process lives before it is stopped. */
  idleSeconds?: number;
  /** `watchdog`: bound memory by polling RSS even where the kernel's limit can be set (to test the fallback). */
  memoryBound?: 'auto' | 'watchdog';
  /**
   * How many documents are read at once when `extraction.threads` is 0 (asked at each admission, so it can follow
   * the daemon processes sharing the machine); one per core when not given.
   */
  processes?: () => number;
}

type Admission = 'admitted' | 'closed' | 'withdrawn';
type Unread = Exclude<ExtractionStatus, 'ok'>;

/**
 * Runs document work in a pool of child processes (`threads` of them, 0 = one per core), so that a slow or
 * hostile document neither blocks the event loop nor takes the daemon down: each document gets `timeoutSeconds`,
 * plus `ocr.timeoutSeconds` once OCR of it starts (its process is killed when it runs over), and `memoryMb` counting
 * all its memory, typed arrays and native buffers included (see reading-child). Documents wait here for a free process, so the time limit only starts
 * when one runs it.
 */
export class DocumentThreads<Extra, Result> {
  readonly #options: DocumentThreadsOptions<Extra, Result>;
  readonly #limits: ExtractionLimits;
  readonly #size: () => number;
  readonly #processes = new Set<ReadingProcess>();
  #idle: { process: ReadingProcess; timer: NodeJS.Timeout }[] = [];
  #running = 0;
  #waiting: ((admission: Admission) => void)[] = [];
  #closed = false;

  constructor(config: ExtractionConfig, options: DocumentThreadsOptions<Extra, Result>) {
    const { timeoutSeconds, maxBytes, maxPages, maxTextChars, maxUnzippedBytes, memoryMb, ocr } = config;
    this.#limits = { timeoutSeconds, maxBytes, maxPages, maxTextChars, maxUnzippedBytes, memoryMb };
    if (ocr !== undefined) this.#limits.ocr = ocr;
    this.#options = options;
    const threads = config.threads;
    this.#size = threads > 0 ? () => threads : (options.processes ?? (() => availableParallelism()));
  }

  /**
   * Runs one document. Never rejects: timeouts, crashes and out-of-memory become `failed` results, and a document
   * whose `clock` runs out before or while it is read comes back `skipped`. The clock runs while it is read.
   */
  async run(
    content: AttachmentBytes,
    hint: ExtractionHint,
    extra: Extra,
    clock?: ReadingClock,
  ): Promise<Result> {
    if (content.length > this.#limits.maxBytes) {
      const reason = `${content.length} bytes, over the limit of ${this.#limits.maxBytes}`;
      return this.#failed(content, hint, extra, 'too-large', reason);
    }
    const admission = await this.#admit(clock?.signal);
    if (admission === 'closed') return this.#failed(content, hint, extra, 'failed', 'the reader is closed');
    if (admission === 'withdrawn') return this.#failed(content, hint, extra, ...withdrawn(clock?.signal));
    try {
      return await this.#run(content, hint, extra, clock);
    } finally {
      // Hand the slot straight to the next waiting document, or give it back (when the pool has shrunk).
      const next = this.#running <= this.#size() ? this.#waiting.shift() : undefined;
      if (next === undefined) this.#running -= 1;
      else next('admitted');
    }
  }

  /** Stops all processes; documents still waiting or running come back as `failed`. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const admit of this.#waiting.splice(0)) admit('closed');
    for (const process of this.#processes) process.kill('closed');
    await Promise.all([...this.#processes].map((process) => process.closed()));
  }

  async #admit(signal: AbortSignal | undefined): Promise<Admission> {
    if (this.#closed) return 'closed';
    if (signal?.aborted === true) return 'withdrawn';
    if (this.#running < this.#size()) {
      this.#running += 1;
      return 'admitted';
    }
    return new Promise<Admission>((resolve) => {
      const admit = (admission: Admission) => {
        signal?.removeEventListener('abort', withdraw);
        resolve(admission);
      };
      const withdraw = () => {
        this.#waiting = this.#waiting.filter((waiting) => waiting !== admit);
        resolve('withdrawn');
      };
      signal?.addEventListener('abort', withdraw, { once: true });
      this.#waiting.push(admit);
    });
  }

  async #run(
    content: AttachmentBytes,
    hint: ExtractionHint,
    extra: Extra,
    clock?: ReadingClock,
  ): Promise<Result> {
    const process = this.#take();
    // The attachment itself, not a copy: its bytes go on the bytes pipe from memory or from its spool file.
    const task: Omit<ThreadTask<Extra>, 'bytes'> & { bytes: AttachmentBytes } = {
      bytes: content,
      hint,
      limits: this.#limits,
      extra,
    };
    process.largestBytes = Math.max(process.largestBytes, content.length);
    // Starting a process is not reading: neither the document's time nor its message's counts it.
    await process.started();
    clock?.start();
    // OCR, once started, adds its time to the document's and the message's.
    let seconds = this.#limits.timeoutSeconds;
    const extend = (more: number) => {
      seconds += more;
      clock?.extend(more);
    };
    const outcome = await process
      .run(task, this.#limits.timeoutSeconds * 1000, clock?.signal, extend)
      .finally(() => clock?.stop());
    this.#giveBack(process);
    if (outcome.status === 'done') return outcome.result as Result;
    return this.#failed(content, hint, extra, ...this.#why(outcome, seconds, clock?.signal));
  }

  // An idle process, or a new one (there are never more than `threads`: one per admitted document).
  #take(): ReadingProcess {
    for (let idle = this.#idle.pop(); idle !== undefined; idle = this.#idle.pop()) {
      clearTimeout(idle.timer);
      if (idle.process.usable) return idle.process;
    }
    const process = new ReadingProcess({
      entry: siblingModule(import.meta.url, 'reading-child'),
      workerFile: this.#options.workerFile,
      memoryMb: this.#limits.memoryMb,
      memoryBound: this.#options.memoryBound ?? 'auto',
    });
    this.#processes.add(process);
    void process.closed().then(() => this.#processes.delete(process));
    return process;
  }

  #giveBack(process: ReadingProcess): void {
    if (!process.usable) return;
    if (
      this.#closed ||
      process.documents >= DOCUMENTS_PER_PROCESS ||
      process.largestBytes >= LARGE_DOCUMENT_BYTES
    ) {
      process.kill('closed');
      return;
    }
    const timer = setTimeout(
      () => {
        this.#idle = this.#idle.filter((idle) => idle.process !== process);
        process.kill('closed');
      },
      (this.#options.idleSeconds ?? 60) * 1000,
    );
    timer.unref();
    this.#idle.push({ process, timer });
  }

  #why(
    outcome: Exclude<ReadingOutcome, { status: 'done' }>,
    seconds: number,
    signal?: AbortSignal,
  ): [Unread, string] {
    switch (outcome.status) {
      case 'timeout':
        return ['timeout', `reading took over ${seconds} s and was stopped`];
      case 'withdrawn':
        return withdrawn(signal);
      case 'closed':
        return ['failed', 'the reader was closed'];
      case 'out-of-memory':
        return [
          'failed',
          `reading ran out of memory (limit ${this.#limits.memoryMb} MB, bound by ${BOUND_WORDS[outcome.bound]})`,
        ];
      case 'crashed':
        return ['failed', `the reader crashed: ${outcome.detail}`];
    }
  }

  #failed(
    content: AttachmentBytes,
    hint: ExtractionHint,
    extra: Extra,
    status: Unread,
    reason: string,
  ): Result {
    return this.#options.failed(unreadable(sniffFormat(headOf(content), hint), status, reason), extra);
  }
}

/** A module beside `base` (an `import.meta.url`), with its extension: `.ts` from source, `.js` when built. */
export function siblingModule(base: string, name: string): URL {
  const extension = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base);
}

// A document its caller withdrew (its message's reading budget ran out): not read, and why.
function withdrawn(signal: AbortSignal | undefined): ['skipped', string] {
  const reason: unknown = signal?.reason;
  const why = typeof reason === 'string' ? reason : reason instanceof Error ? reason.message : 'withdrawn';
  return ['skipped', `not read: ${why}`];
}
