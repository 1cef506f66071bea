import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Self time of one function or file in a CPU profile. */
export interface ProfileEntry {
  name: string;
  selfMs: number;
  /** Share of the busy (not idle) time of the thread, in %. */
  percent: number;
}

/** The main thread's profile of one process, summarised. */
export interface ProfileSummary {
  file: string;
  busyMs: number;
  idleMs: number;
  functions: ProfileEntry[];
  /** By source file; node_modules collapsed to their package. */
  files: ProfileEntry[];
  /** Busy time of the worker threads' profiles together, for comparison. */
  workerBusyMs: number;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const IDLE = new Set(['(idle)', '(program)']);

/**
 * Summarises the `node --cpu-prof` profiles a process wrote into `dir` (`CPU.<date>.<time>.<pid>.<thread>.<n>`;
 * thread 0 is the main thread): the top functions and files by self time.
 */
export async function summariseCpuProfile(
  dir: string,
  pid: number,
  top = 15,
): Promise<ProfileSummary | null> {
  const names = (await readdir(dir)).filter((name) => name.split('.')[3] === String(pid));
  const main = names.find((name) => name.split('.')[4] === '0');
  if (main === undefined) return null;
  const selfTimes = await readSelfTimes(path.join(dir, main));
  let workerBusyMs = 0;
  for (const name of names.filter((other) => other !== main)) {
    const worker = await readSelfTimes(path.join(dir, name));
    workerBusyMs += busy(worker);
  }
  const busyMs = busy(selfTimes);
  const idleMs = [...selfTimes]
    .filter(([key]) => IDLE.has(key.split('\t')[0] ?? ''))
    .reduce((sum, [, ms]) => sum + ms, 0);
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [key, ms] of selfTimes) {
    const [name = '', url = '', line = '', caller = ''] = key.split('\t');
    if (IDLE.has(name)) continue;
    const file = shortUrl(url);
    const where = file === '' ? '' : ` (${file}:${Number(line) + 1})`;
    add(functions, `${name === '' ? '(anonymous)' : name}${where}${caller === '' ? '' : ` ← ${caller}`}`, ms);
    add(files, file === '' ? name : packageOf(file), ms);
  }
  const ranked = (entries: Map<string, number>): ProfileEntry[] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs, percent: busyMs === 0 ? 0 : (100 * selfMs) / busyMs }));
  return { file: main, busyMs, idleMs, functions: ranked(functions), files: ranked(files), workerBusyMs };
}

/**
 * Self milliseconds by `function \t url \t line \t caller`. The caller only for native functions such as
 * `writeBuffer`, whose name does not say who pays for them: the nearest function above outside Node's internals.
 */
async function readSelfTimes(file: string): Promise<Map<string, number>> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const callerOf = (id: number): string => {
    for (let parent = parents.get(id); parent !== undefined; parent = parents.get(parent)) {
      const frame = frames.get(parent);
      if (frame !== undefined && frame.url !== '' && !frame.url.startsWith('node:')) {
        return `${frame.functionName || '(anonymous)'} (${shortUrl(frame.url)}:${frame.lineNumber + 1})`;
      }
    }
    return '';
  };
  const times = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    if (frame === undefined) return;
    const native = frame.url === '' && !frame.functionName.startsWith('(');
    const key = `${frame.functionName}\t${frame.url}\t${frame.lineNumber}\t${native ? callerOf(id) : ''}`;
    add(times, key, (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return times;
}

function busy(times: Map<string, number>): number {
  let total = 0;
  for (const [key, ms] of times) if (!IDLE.has(key.split('\t')[0] ?? '')) total += ms;
  return total;
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function shortUrl(url: string): string {
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  return file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
}

/** `node_modules/<package>/…` as the package (scoped ones too); any other file as it is. */
function packageOf(file: string): string {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match?.[1] === undefined ? file : `${match[1]} (package)`;
}
