import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): index 0 is field 3, the state. */
function statFields(pid: number | 'self'): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function seconds(fields: string[] | null, first: number): number | null {
  if (fields === null) return null;
  const user = Number(fields[first]);
  const system = Number(fields[first + 1]);
  return Number.isFinite(user) && Number.isFinite(system) ? (user + system) / clockTicks() : null;
}

/** CPU seconds (user + system) a running process has used itself, all its threads (utime + stime); null if gone. */
export function processCpuSeconds(pid: number): number | null {
  return seconds(statFields(pid), 11);
}

/**
 * CPU seconds (user + system) of this process's child processes that have ended and been waited for, with theirs
 * in turn (cutime + cstime of /proc/self/stat): a daemon process and its reading processes once the daemon has
 * exited, or a reading pool's processes once closed. Null where there is no /proc.
 */
export function endedChildrenCpuSeconds(): number | null {
  return seconds(statFields('self'), 13);
}

/** CPU seconds (user + system) this process has used, all its threads. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
