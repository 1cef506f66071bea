import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { MemoryBound } from './reading-process.ts';

/**
 * The memory bound a reading process will get on this machine, as far as can be told without starting one: the
 * kernel's data limit where util-linux's `prlimit` runs (Linux), else the RSS watchdog where /proc gives a
 * process's RSS, else the JavaScript heap limit only.
 */
export function availableMemoryBound(): MemoryBound {
  if (process.platform !== 'linux' || !existsSync('/proc/self/status')) return 'heap';
  const prlimit = spawnSync('prlimit', ['--version'], { stdio: 'ignore' });
  return prlimit.status === 0 ? 'kernel' : 'watchdog';
}
