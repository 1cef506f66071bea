import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DocumentReader, ReadRequest, ReadResult } from '../../documents/read-documents.ts';
import type { DaemonStatus } from '../../status/daemon-status.ts';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** A document's format for the extraction histogram: a short, known label, never text from the mail. */
export function documentFormat(request: Pick<ReadRequest, 'filename' | 'contentType'>): string {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(request.filename ?? '')?.[1]?.toLowerCase();
  const known = ['pdf', 'docx', 'doc', 'odt', 'rtf', 'txt', 'html', 'png', 'jpg', 'jpeg', 'tif', 'tiff'];
  if (extension !== undefined && known.includes(extension)) return extension === 'jpeg' ? 'jpg' : extension;
  if (request.contentType === 'application/pdf') return 'pdf';
  return 'other';
}

/**
 * The daemon's Prometheus metrics, in a registry of its own: counters the stages feed as they work, and gauges
 * read from a status snapshot at each scrape.
 */
export class DaemonMetrics {
  readonly registry = new Registry();
  private readonly messages = new Counter({
    name: 'triage_messages_total',
    help: 'Messages ingested, by outcome (created, merged, duplicate, skipped, stale, gone) and classification',
    labelNames: ['outcome', 'classification'],
    registers: [this.registry],
  });
  private readonly replies = new Counter({
    name: 'triage_replies_total',
    help: 'Reply jobs finished, by reply kind and outcome (sent, or why not)',
    labelNames: ['kind', 'outcome'],
    registers: [this.registry],
  });
  private readonly alerts = new Counter({
    name: 'triage_alerts_total',
    help: 'Alert e-mails to the operator, by outcome (sent, failed)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly extraction = new Histogram({
    name: 'triage_extraction_seconds',
    help: 'Time to read one attachment, by format',
    labelNames: ['format'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: 'triage_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  private readonly fetchAge = new Gauge({
    name: 'triage_mailbox_last_fetch_age_seconds',
    help: 'Seconds since the mailbox was last fetched completely (-1: never)',
    labelNames: ['mailbox'],
    registers: [this.registry],
  });
  private readonly authOk = new Gauge({
    name: 'triage_mailbox_auth_ok',
    help: '1 when the last login to the mailbox worked, 0 when it was refused (auth-failed) or needs a new OAuth2 sign-in (needs-login)',
    labelNames: ['mailbox'],
    registers: [this.registry],
  });
  private readonly heldLetters = new Gauge({
    name: 'triage_mailbox_held_letters',
    help: "Referees' letters held for an applicant who has not written yet",
    labelNames: ['mailbox'],
    registers: [this.registry],
  });
  private readonly deadLetters = new Gauge({
    name: 'triage_dead_letters',
    help: 'Jobs that failed for good',
    registers: [this.registry],
  });
  private readonly unconfirmed = new Gauge({
    name: 'triage_unconfirmed_replies',
    help: 'Candidates whose acknowledgement may not have been sent',
    registers: [this.registry],
  });

  constructor() {
    // The process's own: resident memory, V8 heap by space, Buffers outside it, event-loop lag, CPU, handles.
    collectDefaultMetrics({ register: this.registry });
  }

  countMessage(outcome: string, classification: string): void {
    this.messages.inc({ outcome, classification });
  }

  countReply(kind: string, outcome: string): void {
    this.replies.inc({ kind, outcome });
  }

  countAlert(outcome: 'sent' | 'failed'): void {
    this.alerts.inc({ outcome });
  }

  /** The reader, timing each document into the extraction histogram. */
  timed(reader: DocumentReader): DocumentReader {
    return {
      read: async (content: Buffer, request: ReadRequest): Promise<ReadResult> => {
        const end = this.extraction.startTimer({ format: documentFormat(request) });
        try {
          return await reader.read(content, request);
        } finally {
          end();
        }
      },
    };
  }

  /** Sets the gauges from a snapshot (before a scrape). */
  observe(status: DaemonStatus): void {
    for (const queue of status.queues)
      for (const state of QUEUE_STATES) this.queueJobs.set({ queue: queue.name, state }, queue[state]);
    for (const mailbox of status.mailboxes) {
      this.fetchAge.set({ mailbox: mailbox.id }, mailbox.fetchAgeSeconds ?? -1);
      this.authOk.set(
        { mailbox: mailbox.id },
        mailbox.auth === 'auth-failed' || mailbox.auth === 'needs-login' ? 0 : 1,
      );
      this.heldLetters.set({ mailbox: mailbox.id }, mailbox.heldLetters);
    }
    this.deadLetters.set(status.deadLetters);
    this.unconfirmed.set(status.unconfirmedReplies);
  }
}
