import { arch, availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { formatBytes } from './bench-table.ts';

/** The machine the figures were measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** The 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverage: number;
}

/** CPU model, cores available to this process, total memory, Node version, OS and current load. */
export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    loadAverage: loadavg()[0] ?? 0,
  };
}

/** One line per fact, for the top of the printed report. */
export function renderMachine(machine: Machine): string {
  return [
    `CPU:    ${machine.cpu}`,
    `Cores:  ${machine.cores} (os.availableParallelism)`,
    `Memory: ${formatBytes(machine.memoryBytes)}`,
    `Node:   ${machine.node}`,
    `OS:     ${machine.os}`,
    `Load:   ${machine.loadAverage.toFixed(2)} (1-minute average at the start)`,
  ].join('\n');
}
