import type { BenchTable, Figure } from '../bench-table.ts';
import type { ProfileSummary } from './cpu-profile-summary.ts';
import { describeCounts, met, sumCounts, TARGETS } from './daemon-tables.ts';
import type { DrainResult } from './measure-drain.ts';
import { type LatencyResult, percentile } from './measure-latency.ts';

/** One daemon process as the memory table shows it. */
export interface ProcessRow {
  run: string;
  /** RSS once started, before any mail (measured for the latency run's daemon). */
  idleRssBytes?: number | null;
  peakRssBytes: number | null;
  peakTreeRssBytes: number | null;
  exit: string;
  stopMs: number;
  logCounts: Record<string, number>;
  logSamples: string[];
}

/** Every process of the drains, then the latency run's. */
export function processRows(drains: DrainResult[], latency: LatencyResult | null): ProcessRow[] {
  const rows = drains.flatMap((drain) =>
    drain.daemons.map((daemon, index): ProcessRow => ({
      ...daemon,
      run: `drain, ${drain.processes} process(es): #${index + 1}`,
    })),
  );
  if (latency !== null) {
    rows.push({ ...latency.daemon, idleRssBytes: latency.idleRssBytes, run: 'latency (idle daemon)' });
  }
  return rows;
}

export function memoryTable(rows: ProcessRow[]): BenchTable {
  const targetMb = TARGETS.rssBytes / 1024 / 1024;
  return {
    id: 'memory',
    title:
      'Daemon processes: peak resident memory (VmHWM, threads included; with readers: plus its document-reading ' +
      'child processes, sampled) and log problems',
    columns: [
      { key: 'run', label: 'Process' },
      { key: 'idleRssBytes', label: 'RSS idle after start', format: 'bytes' },
      { key: 'peakRssBytes', label: 'Peak RSS', format: 'bytes' },
      { key: 'peakTreeRssBytes', label: 'Peak RSS with readers', format: 'bytes' },
      { key: 'target', label: 'Target' },
      { key: 'met', label: 'Met' },
      { key: 'warnings', label: 'Warn lines' },
      { key: 'errors', label: 'Error lines' },
      { key: 'exit', label: 'Exit after SIGTERM' },
    ],
    rows: rows.map((row) => ({
      run: row.run,
      idleRssBytes: row.idleRssBytes ?? null,
      peakRssBytes: row.peakRssBytes,
      peakTreeRssBytes: row.peakTreeRssBytes,
      target: `< ${targetMb} MB`,
      met: met(row.peakRssBytes === null ? null : row.peakRssBytes < TARGETS.rssBytes),
      warnings: row.logCounts.warn ?? 0,
      errors: (row.logCounts.error ?? 0) + (row.logCounts.fatal ?? 0),
      exit: `${row.exit} after ${(row.stopMs / 1000).toFixed(1)} s`,
    })),
    notes: problemNotes(rows),
  };
}

function problemNotes(rows: ProcessRow[]): string[] {
  const notes = ['Peak RSS is read from /proc/<pid>/status just before SIGTERM.'];
  for (const row of rows.filter((candidate) => candidate.logSamples.length > 0)) {
    notes.push(`Warnings and errors of ${row.run}:`, ...row.logSamples.map((sample) => `  - ${sample}`));
  }
  return notes;
}

export function latencyTable(latency: LatencyResult, count: number): BenchTable {
  const p95 = percentile(latency.samplesMs, 95);
  const imapTotal = sumCounts(latency.imapCommands);
  const row: Record<string, Figure> = {
    applications: count,
    missed: latency.missed,
    p50Ms: percentile(latency.samplesMs, 50),
    p95Ms: p95,
    maxMs: latency.samplesMs.length === 0 ? null : Math.max(...latency.samplesMs),
    target: `p95 < ${TARGETS.latencyP95Ms / 1000} s`,
    met: met(p95 === null ? null : p95 < TARGETS.latencyP95Ms && latency.missed === 0),
    imapCommandsPerApplication: imapTotal / Math.max(1, count),
  };
  return {
    id: 'latency',
    title: 'Latency on an idle daemon: APPEND of one application → its acknowledgement at the SMTP sink',
    columns: [
      { key: 'applications', label: 'Applications' },
      { key: 'missed', label: 'Missed (60 s)' },
      { key: 'p50Ms', label: 'p50 ms' },
      { key: 'p95Ms', label: 'p95 ms' },
      { key: 'maxMs', label: 'Max ms' },
      { key: 'target', label: 'Target' },
      { key: 'met', label: 'Met' },
      { key: 'imapCommandsPerApplication', label: 'IMAP commands each', format: 1 },
    ],
    rows: [row],
    notes: [
      'One daemon process on an empty INBOX, applications (CV and transcript PDFs) delivered one at a time, each',
      'after the previous one was acknowledged. Its IMAP traffic passes a counting proxy (one loopback hop more).',
      `Its IMAP commands over the ${count} applications: ${describeCounts(latency.imapCommands)}.`,
    ],
  };
}

/** The top self-time functions and files of the profiled daemon's main thread. */
export function profileTables(profile: ProfileSummary): BenchTable[] {
  const columns = (label: string) => [
    { key: 'name', label },
    { key: 'selfMs', label: 'Self ms' },
    { key: 'percent', label: '% of busy', format: 1 },
  ];
  const notes = [
    `${profile.file}: main thread busy ${Math.round(profile.busyMs)} ms, idle ${Math.round(profile.idleMs)} ms;`,
    `worker threads busy ${Math.round(profile.workerBusyMs)} ms together (their own profiles, not listed).`,
  ];
  return [
    {
      id: 'profileFunctions',
      title: 'CPU profile of the 1-process drain, main thread: top functions by self time',
      columns: columns('Function (file:line)'),
      rows: profile.functions.map((entry) => ({ ...entry })),
      notes,
    },
    {
      id: 'profileFiles',
      title: 'CPU profile of the 1-process drain, main thread: top files and packages by self time',
      columns: columns('File or package'),
      rows: profile.files.map((entry) => ({ ...entry })),
    },
  ];
}
