import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { spawnCli } from '../../support/run-cli.ts';

/** One JSON log line of a daemon process. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/**
 * Daemon processes (`triage start`) that the chaos suite kills with SIGKILL and restarts. Each slot holds at most
 * one live process; their log lines are kept for the checks and for diagnosing a failure.
 */
export class DaemonFleet {
  readonly #configFile: string;
  readonly #slots: (ChildProcessWithoutNullStreams | null)[];
  readonly logs: LogLine[] = [];
  kills = 0;
  starts = 0;
  /** Processes that ended without being stopped or killed by the fleet (crashes). */
  readonly exits: { slot: number; code: number | null; signal: string | null }[] = [];

  constructor(configFile: string, size: number) {
    this.#configFile = configFile;
    this.#slots = Array.from({ length: size }, () => null);
  }

  get size(): number {
    return this.#slots.length;
  }

  /** Starts a process in every empty slot. */
  startAll(): void {
    this.#slots.forEach((process, slot) => {
      if (process === null) this.#start(slot);
    });
  }

  /** SIGKILLs the process in `slot` (as a power cut would) and waits until it is gone. */
  async kill(slot: number): Promise<void> {
    const process = this.#slots[slot];
    if (process === null || process === undefined) return;
    this.#slots[slot] = null;
    if (process.exitCode !== null || process.signalCode !== null) return; // it died by itself (see exits)
    const exited = once(process, 'exit');
    process.kill('SIGKILL');
    await exited;
    this.kills += 1;
  }

  /** Restarts `slot` after a kill. */
  restart(slot: number): void {
    if (this.#slots[slot] === null) this.#start(slot);
  }

  /** Stops every process gracefully (SIGTERM), SIGKILLing any still running after `graceMs`. */
  async stopAll(graceMs = 30_000): Promise<void> {
    const running = this.#slots.flatMap((process) => (process === null ? [] : [process]));
    this.#slots.fill(null);
    await Promise.all(
      running.map(async (process) => {
        if (process.exitCode !== null || process.signalCode !== null) return;
        const exited = once(process, 'exit');
        process.kill('SIGTERM');
        const timer = setTimeout(() => process.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  /** Warnings and errors (pino levels 40 and up), for the report of a failed run. */
  problems(): LogLine[] {
    return this.logs.filter((line) => (line.level ?? 0) >= 40);
  }

  #start(slot: number): void {
    const process = spawnCli(['--config', this.#configFile, 'start']);
    this.#slots[slot] = process;
    this.starts += 1;
    const pid = process.pid;
    createInterface({ input: process.stdout }).on('line', (line) => this.#record(line, pid));
    createInterface({ input: process.stderr }).on('line', (line) =>
      this.logs.push({ msg: 'stderr', level: 50, line, pid }),
    );
    process.on('error', () => undefined);
    process.on('exit', (code, signal) => {
      // A process this fleet did not stop or kill has crashed: the run reports it.
      if (this.#slots[slot] !== process) return;
      this.exits.push({ slot, code, signal });
      this.logs.push({ msg: 'daemon exited by itself', level: 60, code, signal, pid });
      this.#slots[slot] = null;
    });
  }

  #record(line: string, pid: number | undefined): void {
    try {
      this.logs.push({ ...(JSON.parse(line) as LogLine), pid });
    } catch {
      this.logs.push({ msg: 'unparsed', line, pid });
    }
  }
}
