import type { ParseArgsOptionsConfig } from 'node:util';
import type { SectionResult } from './bench-table.ts';

/** The flag values parseArgs gives. */
export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One section of `npm run bench`: its own flags, and the measurement it runs. */
export interface BenchSection {
  /** What `--only` selects it by. */
  name: string;
  title: string;
  /** Its flags (all optional, with defaults), merged with the other sections' for parseArgs. */
  flags: ParseArgsOptionsConfig;
  /** One line per flag for `--help`. */
  usage: string[];
  /** Checks the flags (throwing UsageError) and returns the run, so every flag is checked before anything runs. */
  prepare(values: FlagValues): () => Promise<SectionResult>;
}

/** A mistake on the command line: printed with the usage, not as a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A whole-number flag of at least `min`, or `fallback` when not given. */
export function wholeNumberFlag(values: FlagValues, name: string, fallback: number, min: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`--${name} takes a whole number of at least ${min}, not ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}
