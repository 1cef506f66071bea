import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/** Peak resident memory seen while sampling: of the daemon process alone, and of it with its child processes. */
export interface TreePeak {
  processBytes: number;
  treeBytes: number;
}

/**
 * Samples the RSS of `pid` and of every process below it (document readers are child processes) every
 * `everyMs`, until stopped; returns the peaks. A short-lived spike between two samples can be missed: the daemon's own
 * VmHWM (read at the end) is exact for the daemon process; the tree figure is a sampled lower bound.
 */
export function sampleTreeRss(pid: number, everyMs = 25): { stop(): Promise<TreePeak> } {
  const peak: TreePeak = { processBytes: 0, treeBytes: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const pids = await processTree(pid);
      const sizes = await Promise.all(pids.map(rssBytes));
      peak.processBytes = Math.max(peak.processBytes, sizes[0] ?? 0);
      peak.treeBytes = Math.max(
        peak.treeBytes,
        sizes.reduce((sum, size) => sum + size, 0),
      );
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { ...peak };
    },
  };
}

/** `pid` first, then its descendants, from /proc/<pid>/task/<tid>/children. */
async function processTree(pid: number): Promise<number[]> {
  const found = [pid];
  for (let index = 0; index < found.length; index += 1) {
    const parent = found[index] as number;
    try {
      const tasks = await readTaskChildren(parent);
      for (const child of tasks) if (!found.includes(child)) found.push(child);
    } catch {
      // The process ended between two reads.
    }
  }
  return found;
}

async function readTaskChildren(pid: number): Promise<number[]> {
  const tids = await readdir(`/proc/${pid}/task`);
  const lists = await Promise.all(
    tids.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')),
  );
  return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
}

async function rssBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * The RSS of `pid` and every process below it now, read synchronously from /proc (for samplers that run on a
 * timer); null where there is no /proc.
 */
export function treeRssBytesSync(pid: number): number | null {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) {
    const parent = pids[index] as number;
    for (const tid of readdirQuietly(`/proc/${parent}/task`)) {
      const children = readQuietly(`/proc/${parent}/task/${tid}/children`);
      for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
        if (!pids.includes(child)) pids.push(child);
      }
    }
  }
  let total = 0;
  for (const each of pids) {
    const status = readQuietly(`/proc/${each}/status`);
    if (status === '' && each === pid) return null;
    total += Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0) * 1024;
  }
  return total;
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function readdirQuietly(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
