import { type FlagValues, UsageError, wholeNumberFlag } from '../bench-section.ts';

/** The daemon section's settings, from its flags. */
export interface DaemonBenchSettings {
  applications: number;
  /** Share of extra messages that need no reply (0.1: one in ten). */
  noise: number;
  largeFiles: number;
  /** MB of 10^6 bytes. */
  largeMbMin: number;
  largeMbMax: number;
  /** One drain per entry, with that many daemon processes. */
  processes: number[];
  concurrency: number;
  /** 0 skips the latency run. */
  latencyCount: number;
  drainTimeoutSeconds: number;
  redisUrl: string;
  /** Profile the 1-process drain's daemon (node --cpu-prof) into this folder; null: no profile. */
  cpuProf: string | null;
  /** Run the daemon built into dist/ (as installed), not from source. */
  compiled: boolean;
}

export const DAEMON_TITLE = 'Daemon: backlog, latency, memory, scale-out';

/** Checks the flags; a bad one throws a UsageError naming it. */
export function daemonSettings(values: FlagValues): DaemonBenchSettings {
  const applications = wholeNumberFlag(values, 'applications', 2000, 1);
  const largeFiles = wholeNumberFlag(values, 'large-files', 3, 0);
  if (largeFiles > applications) throw new UsageError('--large-files cannot exceed --applications');
  const largeMbMin = decimalFlag(values, 'large-mb-min', 20, 0.001, 1000);
  const largeMbMax = decimalFlag(values, 'large-mb-max', 30, 0.001, 1000);
  if (largeMbMin > largeMbMax) throw new UsageError('--large-mb-min cannot exceed --large-mb-max');
  const redisUrl = values['redis-url'] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (typeof redisUrl !== 'string' || !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    throw new UsageError(`--redis-url takes a redis:// or rediss:// URL, not ${JSON.stringify(redisUrl)}`);
  }
  const cpuProf = values['cpu-prof'];
  if (cpuProf !== undefined && (typeof cpuProf !== 'string' || cpuProf === '')) {
    throw new UsageError('--cpu-prof takes a folder');
  }
  return {
    applications,
    noise: decimalFlag(values, 'noise', 0.1, 0, 10),
    largeFiles,
    largeMbMin,
    largeMbMax,
    processes: processesFlag(values),
    concurrency: boundedFlag(values, 'concurrency', 4, 1, 64),
    latencyCount: wholeNumberFlag(values, 'latency-count', 100, 0),
    drainTimeoutSeconds: wholeNumberFlag(values, 'drain-timeout-seconds', 1800, 1),
    redisUrl,
    cpuProf: cpuProf ?? null,
    compiled: values.compiled === true,
  };
}

function decimalFlag(values: FlagValues, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new UsageError(`--${name} takes a number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  }
  return value;
}

function boundedFlag(values: FlagValues, name: string, fallback: number, min: number, max: number): number {
  const value = wholeNumberFlag(values, name, fallback, min);
  if (value > max) throw new UsageError(`--${name} takes a whole number of at most ${max}, not ${value}`);
  return value;
}

/** `--processes 1,2` or `--processes 1 --processes 2`: whole numbers from 1 to 16. */
function processesFlag(values: FlagValues): number[] {
  const raw = values.processes;
  if (raw === undefined) return [1, 2];
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => String(value).split(','));
  return parts.map((part) => {
    const text = part.trim();
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 16) {
      throw new UsageError(
        `--processes takes whole numbers from 1 to 16, comma-separated, not ${JSON.stringify(part)}`,
      );
    }
    return Number(text);
  });
}
