import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

const DISTINCT_PROBLEMS = 12;
// pino's numeric levels.
const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/**
 * Reads a daemon's JSON log lines as they come (so its pipe never fills): counts them by level, keeps the first
 * few warnings and errors as evidence, and lets the benchmark wait for a line with a given `msg`.
 */
export class DaemonLogs {
  readonly counts: Record<string, number> = {};
  /** Warnings and errors by `level: msg (reason)`, with how often each came (the first 12 distinct ones). */
  readonly problems = new Map<string, number>();
  #stderr = '';
  readonly #waiting = new Map<string, Array<() => void>>();
  readonly #seen = new Set<string>();

  constructor(stdout: Readable, stderr: Readable) {
    createInterface({ input: stdout }).on('line', (line) => this.#read(line));
    stderr.on('data', (chunk: Buffer) => {
      // Only the tail is kept: enough to show why a process died.
      this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
  }

  /** What the process wrote to stderr (the last 4,000 characters). */
  get stderr(): string {
    return this.#stderr;
  }

  /** The distinct warnings and errors, most frequent first, as `level ×count: msg (reason)`. */
  get samples(): string[] {
    return [...this.problems]
      .sort((a, b) => b[1] - a[1])
      .map(([problem, count]) => problem.replace(':', ` ×${count}:`));
  }

  /** Resolves once a line with this `msg` has been logged (at once if it was already). */
  waitFor(msg: string): Promise<void> {
    if (this.#seen.has(msg)) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.set(msg, [...(this.#waiting.get(msg) ?? []), resolve]));
  }

  #read(line: string): void {
    let entry: { level?: number; msg?: string; reason?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      this.counts.unparsed = (this.counts.unparsed ?? 0) + 1;
      return;
    }
    const level = LEVEL_NAMES[entry.level ?? 0] ?? 'unknown';
    this.counts[level] = (this.counts[level] ?? 0) + 1;
    const msg = entry.msg ?? '';
    if ((entry.level ?? 0) >= 40) {
      const reason = entry.reason ?? entry.err?.message;
      const problem = `${level}: ${msg}${reason === undefined ? '' : ` (${reason})`}`;
      if (this.problems.has(problem) || this.problems.size < DISTINCT_PROBLEMS) {
        this.problems.set(problem, (this.problems.get(problem) ?? 0) + 1);
      }
    }
    this.#seen.add(msg);
    for (const resolve of this.#waiting.get(msg) ?? []) resolve();
    this.#waiting.delete(msg);
  }
}
