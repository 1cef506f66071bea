import type { BenchTable, Figure } from '../bench-table.ts';
import { type ApplicationPhases, NOTICE_SPLIT, PHASES } from './latency-phases.ts';
import { percentile } from './measure-latency.ts';

/** Where the idle daemon's latency goes: p50 and p95 of each phase, their sum against the measured total. */
export function latencyPhasesTable(applications: ApplicationPhases[]): BenchTable {
  const complete = applications.filter((application) =>
    Object.values(application.phasesMs).every((ms) => ms !== null),
  );
  const rows: Record<string, Figure>[] = PHASES.map((phase) =>
    row(
      phase.label,
      phase.covers,
      applications.map((application) => application.phasesMs[phase.key]),
    ),
  );
  const sum = (key: 'p50Ms' | 'p95Ms') => rows.reduce((total, entry) => total + Number(entry[key] ?? NaN), 0);
  const split = NOTICE_SPLIT.map((part) =>
    row(
      part.label,
      part.covers,
      applications.map((application) => application.noticeSplitMs[part.key]),
    ),
  );
  const sums = { p50Ms: nullIfNaN(sum('p50Ms')), p95Ms: nullIfNaN(sum('p95Ms')) };
  rows.splice(PHASES.findIndex((phase) => phase.key === 'notice') + 1, 0, ...split);
  rows.push(
    {
      phase: 'Sum of the phases',
      covers: "the p50s added, and the p95s (not a percentile of the applications' sums)",
      ...sums,
      applications: complete.length,
    },
    row(
      'Measured total',
      'APPEND → acknowledgement at the sink, as in the latency table',
      complete.map((application) => application.totalMs),
    ),
    row(
      'Rest: measured total − phases',
      'per application; the monotonic clock against the wall clock the phases are read on',
      // Rounded first: a fraction of a millisecond below zero would print as "-0".
      complete.map((application) => Math.round(application.totalMs - phaseSum(application)) + 0),
    ),
    row(
      'Within the ingest job: one document read',
      `mean per document of each application (${describeDocuments(applications)}), read at once`,
      applications.map((application) => application.extractionPerDocumentMs),
    ),
  );
  return {
    id: 'latencyPhases',
    title: 'Latency on an idle daemon, phase by phase (from the jobs of each application)',
    columns: [
      { key: 'phase', label: 'Phase' },
      { key: 'covers', label: 'What it covers' },
      { key: 'p50Ms', label: 'p50 ms' },
      { key: 'p95Ms', label: 'p95 ms' },
      { key: 'applications', label: 'Applications' },
    ],
    rows,
    notes: [
      "Each phase ends where the next begins: at a BullMQ job's own timestamps (added; picked up by a worker), set by",
      "the daemon's clock, or at the benchmark's (just before APPEND, its answer, the sink receiving the",
      "acknowledgement). An application's jobs are found by its APPENDUID (ingest and assess job data) and its",
      'candidate (reply job), read right after its acknowledgement. What a job does after queueing the next one (its',
      'log line, completing) runs beside the next phase and is not on the way. Applications: those with the figure; a',
      'dash or fewer applications means a job was not found (removed already, or no APPENDUID).',
      "The IDLE notice ends at the daemon's first DONE or NOOP through the counting proxy after APPEND (if before its",
      'ingest job was added): the end of its IDLE, or the NOOP that opens a sync pass on another connection; none',
      'seen (a daemon polling without IDLE) leaves the split a dash. The sum is over the unsplit rows.',
      "One document read: the daemon's triage_extraction_seconds (/metrics) after each application, less before.",
    ],
  };
}

function row(phase: string, covers: string, values: Array<number | null>): Record<string, Figure> {
  const known = values.filter((value): value is number => value !== null);
  return {
    phase,
    covers,
    p50Ms: percentile(known, 50),
    p95Ms: percentile(known, 95),
    applications: known.length,
  };
}

function phaseSum(application: ApplicationPhases): number {
  return Object.values(application.phasesMs).reduce<number>((total, ms) => total + (ms ?? 0), 0);
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** "2 documents each", or the range when applications differ; "not measured" without /metrics. */
function describeDocuments(applications: ApplicationPhases[]): string {
  const counts = applications.flatMap((application) =>
    application.documents === null ? [] : [application.documents],
  );
  if (counts.length === 0) return 'not measured';
  const [low, high] = [Math.min(...counts), Math.max(...counts)];
  return low === high ? `${low} documents each` : `${low}–${high} documents each`;
}
