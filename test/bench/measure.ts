import { treeRssBytesSync } from './daemon/tree-rss.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RSS_INTERVAL_MS = 20;

/** How long `work` took, in milliseconds, with what it returned. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** This process's resident memory with its child processes' (the document readers), where /proc tells. */
function rssWithChildren(): number {
  return treeRssBytesSync(process.pid) ?? process.memoryUsage.rss();
}

/**
 * Samples the resident memory of this process and its child processes (the document-reading processes, whose
 * heaps and pdf.js buffers are theirs) every 20 ms until stopped.
 */
export class RssSampler {
  readonly #timer: NodeJS.Timeout;
  #peak = rssWithChildren();
  readonly startBytes = this.#peak;

  constructor() {
    // Unref'd: a run that fails must not be kept alive by its sampler.
    this.#timer = setInterval(() => this.sample(), RSS_INTERVAL_MS).unref();
  }

  /** Takes one sample now (also done every 20 ms). */
  sample(): void {
    this.#peak = Math.max(this.#peak, rssWithChildren());
  }

  /** The highest sample so far, in bytes. */
  get peakBytes(): number {
    return this.#peak;
  }

  /** Stops sampling; returns the peak in bytes. */
  stop(): number {
    this.sample();
    clearInterval(this.#timer);
    return this.#peak;
  }
}

/** How late the event loop ran a timer while it was watched, in milliseconds (0: exactly on time). */
export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

const LOOP_RESOLUTION_MS = 10;

/** Starts watching the event loop's delay (a 10 ms timer); call the result to stop and get the figures. */
export function watchEventLoop(): () => LoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  histogram.enable();
  return () => {
    histogram.disable();
    // The histogram holds the time between ticks in nanoseconds, the 10 ms interval included: take it off.
    const late = (nanoseconds: number): number =>
      histogram.count === 0 ? 0 : Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS);
    return {
      maxMs: late(histogram.max),
      p99Ms: late(histogram.percentile(99)),
      meanMs: late(histogram.mean),
    };
  };
}

/** The highest resident memory the process has had, from the kernel (`maxRSS` is in KiB), in bytes. */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** The median of some numbers (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Progress for the person waiting, on stderr so that `--json` output stays clean. */
export function progress(message: string): void {
  process.stderr.write(`… ${message}\n`);
}
