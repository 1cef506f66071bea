import type { LoadedBacklog } from '../backlog/load-backlog.ts';
import type { BenchTable, Figure } from '../bench-table.ts';
import { BENCH_REPLY_RATE } from './daemon-config.ts';
import { COMPLETED_JOBS_KEPT } from '../../../src/adapters/queues/create-queues.ts';
import type { FloorResult } from './measure-floor.ts';
import type { DrainResult } from './measure-drain.ts';
import type { RedisMemory } from './redis-memory.ts';

/** The targets of the issue, checked in the tables. */
export const TARGETS = { drainShare: 90, latencyP95Ms: 1000, rssBytes: 300 * 1024 * 1024 } as const;

const MB = 1024 * 1024;

/** yes/no for a target, or a dash when there is no figure. */
export function met(ok: boolean | null): Figure {
  return ok === null ? '–' : ok ? 'yes' : 'NO';
}

export function backlogTable(backlog: LoadedBacklog): BenchTable {
  const noise = Object.entries(backlog.noise)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  return {
    id: 'backlog',
    title: 'Generated backlog (loaded once into the folder Backlog, copied server-side into INBOX per run)',
    columns: [
      { key: 'messages', label: 'Messages' },
      { key: 'applications', label: 'Applications' },
      { key: 'noise', label: 'Noise (no reply due)' },
      { key: 'attachments', label: 'Attachments' },
      { key: 'bytes', label: 'Size', format: 'bytes' },
      { key: 'largestBytes', label: 'Largest message', format: 'bytes' },
      { key: 'generateSeconds', label: 'Generate s', format: 1 },
      { key: 'appendSeconds', label: 'APPEND s', format: 1 },
    ],
    rows: [
      {
        messages: backlog.messages,
        applications: backlog.applications,
        noise,
        attachments: backlog.attachments,
        bytes: backlog.bytes,
        largestBytes: backlog.largestBytes,
        generateSeconds: backlog.generateMs / 1000,
        appendSeconds: backlog.appendMs / 1000,
      },
    ],
    notes: [
      'Each application: a CV built for the applicant (1–3 pages, one in five DOCX) and 0–3 of transcript, paper/thesis/',
      'proposal (1–40 pages) and cover letter, unique copies from a pool built once. Large files replace those extras.',
    ],
  };
}

export function floorTable(floors: FloorResult[]): BenchTable {
  const when = ['before the drains', 'after the drains'];
  return {
    id: 'floor',
    title: `Floor: fetch + parse + extract on one IMAP connection, ${floors[0]?.threads ?? 0} extraction threads, no queue`,
    columns: [
      { key: 'run', label: 'Run' },
      { key: 'messages', label: 'Messages' },
      { key: 'attachments', label: 'Attachments' },
      { key: 'pages', label: 'PDF pages' },
      { key: 'bytes', label: 'Size', format: 'bytes' },
      { key: 'headersOnly', label: 'Headers only' },
      { key: 'statuses', label: 'Extraction' },
      { key: 'seconds', label: 'Seconds', format: 1 },
      { key: 'cpuSeconds', label: 'CPU s', format: 1 },
      { key: 'mainCpuSeconds', label: 'of it main process', format: 1 },
      { key: 'messagesPerSecond', label: 'Messages/s', format: 1 },
      { key: 'megabytesPerSecond', label: 'MB/s', format: 1 },
    ],
    rows: floors.map((floor, index) => ({
      run: when[index] ?? `run ${index + 1}`,
      messages: floor.messages,
      attachments: floor.attachments,
      pages: floor.pages,
      bytes: floor.bytes,
      headersOnly: floor.headersOnly,
      statuses: Object.entries(floor.statuses)
        .map(([status, count]) => `${count} ${status}`)
        .join(', '),
      seconds: floor.ms / 1000,
      cpuSeconds: floor.cpuSeconds,
      mainCpuSeconds: floor.mainCpuSeconds,
      messagesPerSecond: floor.messages / (floor.ms / 1000),
      megabytesPerSecond: floor.bytes / MB / (floor.ms / 1000),
    })),
    notes: [
      'Text extraction only (ExtractionPool, schema-default limits); the daemon also classifies and profiles each',
      'document (10–35 % more per document in the extraction section) and keeps state in Redis. Measured before and',
      'after the drains; the faster run is the floor the drains are compared with. CPU s: user + system seconds of',
      'the benchmark process and its reading processes during the run; of it main process: the benchmark process',
      '(fetching and parsing; the rest is the reading processes).',
    ],
  };
}

export function drainTable(
  drains: DrainResult[],
  floor: FloorResult,
  backlog: LoadedBacklog,
  concurrency: number,
): BenchTable {
  const rows = drains.map((drain): Record<string, Figure> => {
    const seconds = drain.ms === null ? null : drain.ms / 1000;
    const share = seconds === null ? null : (100 * floor.ms) / 1000 / seconds;
    return {
      processes: drain.processes,
      outcome: drain.outcome,
      startSeconds: drain.startMs === null ? null : drain.startMs / 1000,
      acknowledged: drain.acknowledged,
      filed: drain.filed,
      wrongReplies: drain.unexpectedReplies + drain.duplicateReplies,
      imapCommandsPerMessage:
        drain.imapCommands === undefined ? null : sumCounts(drain.imapCommands) / backlog.messages,
      seconds,
      cpuSeconds: drain.cpuSeconds,
      daemonCpuSeconds: ownCpu(drain),
      cpuOfFloor:
        drain.cpuSeconds === null || floor.cpuSeconds === null ? null : drain.cpuSeconds / floor.cpuSeconds,
      applicationsPerSecond: seconds === null ? null : backlog.applications / seconds,
      messagesPerSecond: seconds === null ? null : backlog.messages / seconds,
      percentOfFloor: share,
      target: `≥ ${TARGETS.drainShare} %`,
      met: met(share === null ? null : share >= TARGETS.drainShare),
    };
  });
  return {
    id: 'drain',
    title: `Backlog drain (${backlog.applications} applications, ${backlog.messages} messages; workers.concurrency ${concurrency})`,
    columns: [
      { key: 'processes', label: 'Processes' },
      { key: 'outcome', label: 'Outcome' },
      { key: 'startSeconds', label: 'Start s', format: 1 },
      { key: 'acknowledged', label: 'Acknowledged' },
      { key: 'filed', label: 'Filed' },
      { key: 'wrongReplies', label: 'Extra replies' },
      { key: 'imapCommandsPerMessage', label: 'IMAP cmds/msg', format: 1 },
      { key: 'seconds', label: 'Seconds', format: 1 },
      { key: 'cpuSeconds', label: 'CPU s', format: 1 },
      { key: 'daemonCpuSeconds', label: 'of it daemon processes', format: 1 },
      { key: 'cpuOfFloor', label: 'CPU × floor', format: 2 },
      { key: 'applicationsPerSecond', label: 'Applications/s', format: 1 },
      { key: 'messagesPerSecond', label: 'Messages/s', format: 1 },
      { key: 'percentOfFloor', label: '% of floor', format: 0 },
      { key: 'target', label: 'Target' },
      { key: 'met', label: 'Met' },
    ],
    rows,
    notes: [
      'Seconds: from spawning the daemons until every applicant had exactly one acknowledgement at the SMTP sink',
      'and every candidate was filed (process start and the first backfill included). Start: until the first',
      'process logged "daemon started". % of floor: the faster floor run’s seconds / drain seconds. Extra replies:',
      'to noise senders, or a second reply to an applicant (should be 0). CPU s: user + system seconds of the daemon',
      'processes and their reading processes, from spawning them until they exited after the drain (of it daemon',
      'processes: their own, read just before SIGTERM; the rest is the reading processes); CPU × floor:',
      'that over the floor run’s. With every core busy, a drain cannot beat the floor by more than the floor’s CPU',
      'seconds allow: at 1.4 × the floor’s CPU it cannot reach 1 / 1.4 = 71 % of the floor’s speed.',
      `replies.ratePerMinute is ${BENCH_REPLY_RATE.toLocaleString('en-US')} here: with the default of 60 a minute the drain would only`,
      `measure the limiter (${backlog.applications.toLocaleString('en-US')} acknowledgements take at least ${Math.ceil(backlog.applications / 60)} minutes).`,
      'The daemons reach Dovecot through a loopback proxy that counts their IMAP commands (the floor does not):',
      ...drains.map(
        (drain) => `  ${drain.processes} process(es): ${describeCounts(drain.imapCommands ?? {})}`,
      ),
    ],
  };
}

function ownCpu(drain: DrainResult): number | null {
  const own = drain.daemons.map((daemon) => daemon.ownCpuSeconds);
  return own.some((seconds) => seconds === null)
    ? null
    : own.reduce<number>((sum, seconds) => sum + (seconds ?? 0), 0);
}

export function sumCounts(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** `UID FETCH 2,345, SELECT 660, …`, most frequent first. */
export function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return 'none';
  return entries.map(([name, count]) => `${name} ${count.toLocaleString('en-US')}`).join(', ');
}

export function redisTable(rows: Array<{ processes: number; memory: RedisMemory }>): BenchTable {
  return {
    id: 'redis',
    title: 'Redis memory after each drain (MEMORY USAGE summed over the run’s prefix)',
    columns: [
      { key: 'processes', label: 'Processes' },
      { key: 'candidates', label: 'Candidates' },
      { key: 'keys', label: 'Keys' },
      { key: 'totalBytes', label: 'Total', format: 'bytes' },
      { key: 'perCandidateBytes', label: 'Per candidate', format: 'bytes' },
      { key: 'candidateRecordBytes', label: 'Record per candidate', format: 'bytes' },
      { key: 'queueBytes', label: 'Queue keys', format: 'bytes' },
      { key: 'otherBytes', label: 'Other keys', format: 'bytes' },
    ],
    rows: rows.map(({ processes, memory: { candidates, ...memory } }) => ({
      processes,
      candidates,
      keys: memory.keys,
      totalBytes: memory.totalBytes,
      perCandidateBytes: candidates === 0 ? null : memory.totalBytes / candidates,
      candidateRecordBytes: candidates === 0 ? null : memory.candidateBytes / candidates,
      queueBytes: memory.queueBytes,
      otherBytes: memory.otherBytes,
    })),
    notes: [
      `Queue keys: BullMQ jobs of every stage: failed ones, and the last ${COMPLETED_JOBS_KEPT} completed per queue (for an hour).`,
      'Other keys: the indexes by vacancy, address and thread, reply ledgers and guards, the seen set, cursor, lease.',
    ],
  };
}
