import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ASSESS_QUEUE, assessJobSchema } from '../../../src/stages/assess/assess-job.ts';
import { INGEST_QUEUE, ingestJobSchema } from '../../../src/stages/ingest/ingest-job.ts';
import { REPLIES_QUEUE, replyJobSchema } from '../../../src/stages/replies/reply-job.ts';
import { type ExtractionTotals, readExtractionTotals } from './extraction-metrics.ts';

/**
 * The stretches of one application's way from APPEND to the sink, in order and without gaps: each ends where the
 * next begins, at a job's own timestamp (added, or picked up by a worker) or at one of the benchmark's.
 */
export const PHASES = [
  {
    key: 'append',
    label: 'APPEND',
    covers: "the benchmark's APPEND until Dovecot answers (the mail is in INBOX)",
  },
  {
    key: 'notice',
    label: 'APPEND answered → ingest job added',
    covers: 'the IDLE notice and the sync pass (split below when seen)',
  },
  { key: 'ingestWait', label: 'Waiting in the ingest queue', covers: 'added → picked up by a worker' },
  {
    key: 'ingest',
    label: 'Ingest job',
    covers: 'fetch, parse, read the documents, record the candidate; until it queues the assess job',
  },
  { key: 'assessWait', label: 'Ingest → assess hop', covers: 'the assess job waiting in its queue' },
  {
    key: 'assess',
    label: 'Assess job',
    covers: 'file into the vacancy folder, record where; until it queues the reply',
  },
  { key: 'replyWait', label: 'Assess → replies hop', covers: 'the reply job waiting in its queue' },
  {
    key: 'reply',
    label: 'Reply job until the sink accepts',
    covers: 'render, sign, SMTP up to the sink receiving the message',
  },
] as const;

export type PhaseKey = (typeof PHASES)[number]['key'];

/** The notice phase split at the daemon's first IMAP command after APPEND (a DONE, or the sync pass's NOOP). */
export const NOTICE_SPLIT = [
  {
    key: 'idleNotice',
    label: '… of which the IDLE notice',
    covers: "APPEND answered → the daemon's first DONE or NOOP: the server telling its IDLE of the new mail",
  },
  {
    key: 'syncPass',
    label: '… of which the sync pass',
    covers: 'that command → ingest job added: the new UIDs, the cursor, queueing',
  },
] as const;

export type NoticeSplitKey = (typeof NOTICE_SPLIT)[number]['key'];

/** Where one application's time went; a phase is null when a job it starts or ends at was not found. */
export interface ApplicationPhases {
  phasesMs: Record<PhaseKey, number | null>;
  /** Null when no DONE or NOOP was seen between APPEND and the ingest job (a daemon polling without IDLE). */
  noticeSplitMs: Record<NoticeSplitKey, number | null>;
  /** APPEND → acknowledgement at the sink, as the latency table measures it. */
  totalMs: number;
  /** Its documents read (the daemon's extraction histogram); null without /metrics. */
  documents: number | null;
  /** Mean time to read one of its documents; null without /metrics or documents. */
  extractionPerDocumentMs: number | null;
}

/** One application as the benchmark saw it: wall-clock times (Date.now) and where APPEND put it. */
export interface ApplicationMark {
  /** Just before APPEND, and once it was answered. */
  sentAt: number;
  appendedAt: number;
  receivedAt: number;
  /** From APPENDUID; without it the application's jobs cannot be told apart. */
  uid: number | undefined;
  uidValidity: string | undefined;
  /** The daemon's DONE and NOOP commands since just before APPEND, in order: its first reaction to the notice. */
  reactedAt: readonly number[];
  totalMs: number;
}

// Jobs completed since an application was appended: its own, and a few of the daemon's own (none when idle).
const RECENT_JOBS = 20;

/**
 * Reads each application's phases right after its acknowledgement, from BullMQ's job timestamps under the run's
 * prefix (completed jobs are only kept for a while, so not at the end), and the daemon's extraction metrics.
 */
export class PhaseReader {
  readonly #queues: { ingest: Queue; assess: Queue; replies: Queue };
  readonly #metricsPort: number | undefined;
  #extraction: ExtractionTotals | null = null;

  constructor(connection: Redis, prefix: string, metricsPort: number | undefined) {
    const open = (name: string) => new Queue(name, { connection, prefix, skipMetasUpdate: true });
    this.#queues = { ingest: open(INGEST_QUEUE), assess: open(ASSESS_QUEUE), replies: open(REPLIES_QUEUE) };
    this.#metricsPort = metricsPort;
  }

  /** Notes the extraction totals before the first application. */
  async begin(): Promise<void> {
    this.#extraction = await this.#readExtraction();
  }

  async read(mark: ApplicationMark): Promise<ApplicationPhases> {
    const jobs = await this.#findJobs(mark).catch((): ApplicationJobs => ({}));
    const before = this.#extraction;
    const after = await this.#readExtraction();
    this.#extraction = after;
    const documents = before === null || after === null ? null : after.documents - before.documents;
    const seconds = before === null || after === null ? 0 : after.seconds - before.seconds;
    return {
      phasesMs: phaseTimes(mark, jobs),
      noticeSplitMs: noticeSplit(mark, jobs.ingest?.timestamp),
      totalMs: mark.totalMs,
      documents,
      extractionPerDocumentMs: documents === null || documents === 0 ? null : (seconds * 1000) / documents,
    };
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.#queues).map((queue) => queue.close()));
  }

  async #readExtraction(): Promise<ExtractionTotals | null> {
    return this.#metricsPort === undefined ? null : readExtractionTotals(this.#metricsPort);
  }

  async #findJobs(mark: ApplicationMark): Promise<ApplicationJobs> {
    const { uid, uidValidity } = mark;
    if (uid === undefined) return {};
    const sameMessage = (data: { uid: number; uidValidity: string }) =>
      data.uid === uid && (uidValidity === undefined || data.uidValidity === uidValidity);
    const ingest = (await recentJobs(this.#queues.ingest)).find((job) => {
      const data = ingestJobSchema.safeParse(job.data);
      return data.success && sameMessage(data.data);
    });
    let candidateId: string | undefined;
    const assess = (await recentJobs(this.#queues.assess)).find((job) => {
      const data = assessJobSchema.safeParse(job.data);
      if (!data.success || !sameMessage(data.data)) return false;
      candidateId = data.data.candidateId;
      return true;
    });
    if (candidateId === undefined) return { ingest, assess };
    // The candidate's reply that had started by the time the sink received it: the latest such.
    const replies = (await recentJobs(this.#queues.replies)).filter(
      (job) =>
        replyJobSchema.safeParse(job.data).data?.candidateId === candidateId &&
        (job.processedOn ?? Infinity) <= mark.receivedAt,
    );
    const reply = replies.reduce<Job | undefined>(
      (latest, job) =>
        latest === undefined || (job.processedOn ?? 0) > (latest.processedOn ?? 0) ? job : latest,
      undefined,
    );
    return { ingest, assess, reply };
  }
}

interface ApplicationJobs {
  ingest?: Job | undefined;
  assess?: Job | undefined;
  reply?: Job | undefined;
}

/** The jobs being worked on and the latest completed ones; a job removed meanwhile is simply not among them. */
async function recentJobs(queue: Queue): Promise<Job[]> {
  const [active, completed] = await Promise.all([queue.getActive(), queue.getCompleted(0, RECENT_JOBS - 1)]);
  // getJobs leaves a hole where a job was removed between listing and reading it.
  return [...active, ...completed].filter((job): job is Job => job !== undefined && job !== null);
}

/** The phases between consecutive points in time; a point missing leaves both phases next to it unknown. */
function phaseTimes(mark: ApplicationMark, jobs: ApplicationJobs): Record<PhaseKey, number | null> {
  const points = [
    mark.sentAt,
    mark.appendedAt,
    jobs.ingest?.timestamp,
    jobs.ingest?.processedOn,
    jobs.assess?.timestamp,
    jobs.assess?.processedOn,
    jobs.reply?.timestamp,
    jobs.reply?.processedOn,
    mark.receivedAt,
  ];
  const entries = PHASES.map((phase, index): [PhaseKey, number | null] => {
    const [start, end] = [points[index], points[index + 1]];
    return [phase.key, start === undefined || end === undefined ? null : end - start];
  });
  return Object.fromEntries(entries) as Record<PhaseKey, number | null>;
}

/** The IDLE notice and the sync pass, split at the daemon's first DONE or NOOP up to its ingest job being added. */
function noticeSplit(
  mark: ApplicationMark,
  added: number | undefined,
): Record<NoticeSplitKey, number | null> {
  const reacted = mark.reactedAt.find((at) => added !== undefined && at <= added);
  if (reacted === undefined || added === undefined) return { idleNotice: null, syncPass: null };
  return { idleNotice: reacted - mark.appendedAt, syncPass: added - reacted };
}
