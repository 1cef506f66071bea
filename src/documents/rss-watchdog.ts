import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

// Often enough that a document inflating memory at a few GB/s is stopped within about 100 MB of its limit.
const POLL_MS = 25;

/**
 * Kills a process whose resident memory goes over `limitMb`, by polling its VmRSS in /proc while `start`ed: the
 * memory bound where the kernel's data limit cannot be set (no prlimit). Coarser than the kernel's (a fast
 * allocation can overshoot by what it takes in one poll), but it counts everything the process holds.
 */
export class RssWatchdog {
  readonly #path: string;
  readonly #limitKb: number;
  readonly #onOver: () => void;
  #timer: NodeJS.Timeout | null = null;
  #reading = false;

  private constructor(pid: number, limitMb: number, onOver: () => void) {
    this.#path = `/proc/${pid}/status`;
    this.#limitKb = limitMb * 1024;
    this.#onOver = onOver;
  }

  /** A watchdog for `pid`, or null where /proc does not give its RSS (not Linux). */
  static forProcess(pid: number, limitMb: number, onOver: () => void): RssWatchdog | null {
    try {
      return residentKb(readFileSync(`/proc/${pid}/status`, 'utf8')) === null
        ? null
        : new RssWatchdog(pid, limitMb, onOver);
    } catch {
      return null;
    }
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.#check(), POLL_MS);
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #check(): Promise<void> {
    if (this.#reading) return;
    this.#reading = true;
    try {
      const resident = residentKb(await readFile(this.#path, 'utf8'));
      if (this.#timer !== null && resident !== null && resident > this.#limitKb) this.#onOver();
    } catch {
      // The process is gone: its exit is reported elsewhere.
    } finally {
      this.#reading = false;
    }
  }
}

function residentKb(status: string): number | null {
  const line = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return line?.[1] === undefined ? null : Number(line[1]);
}
