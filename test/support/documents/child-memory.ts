import { readdirSync, readFileSync } from 'node:fs';

/** What was seen while watching: the peak VmHWM of each child process (MB), and this process's RSS growth. */
export interface MemoryWatch {
  childPeaksMb: number[];
  parentGrowthMb: number;
}

/**
 * Watches, every 20 ms until `stop`, the peak resident memory (VmHWM) of each child process of this one and the
 * growth of this process's own RSS: the reading processes are separate, so the test process's own peak says
 * nothing of theirs. Linux only (/proc).
 */
export function watchChildMemory(): { stop(): MemoryWatch } {
  const peaks = new Map<number, number>();
  const before = process.memoryUsage.rss();
  let parentPeak = before;
  const timer = setInterval(() => {
    parentPeak = Math.max(parentPeak, process.memoryUsage.rss());
    for (const pid of childPids(process.pid)) {
      const peak = statusField(pid, 'VmHWM');
      if (peak !== null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peak));
    }
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return {
        childPeaksMb: [...peaks.values()].map((kb) => Math.round(kb / 1024)),
        parentGrowthMb: Math.round((parentPeak - before) / 1024 / 1024),
      };
    },
  };
}

/** The processes whose parent is `parent`. */
export function childPids(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => statusField(pid, 'PPid') === parent);
}

/** Whether a process of that id exists (and is not a zombie). */
export function processAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** CPU time (user) a process has used, in seconds (assuming the usual 100 clock ticks a second). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) start with the state; utime is the 12th of them.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[11]) / 100;
  } catch {
    return 0;
  }
}

function statusField(pid: number, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}
