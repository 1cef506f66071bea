import { z } from 'zod';
import { documentKindSchema } from '../domain/document-kinds.ts';
import type { mailboxFields } from './mailbox-schema.ts';
import { mailboxSchema, smtpSchema } from './mailbox-schema.ts';
import { ocrSchema, type OcrConfig } from './ocr-schema.ts';
import { callFields, checkCall, enquirersSchema } from './call-schema.ts';
import { decisionsSchema } from './decision-schema.ts';
import { redisSchema } from './redis-schema.ts';
import { checkVacancyRetention, retentionSchema, vacancyRetentionSchema } from './retention-schema.ts';
import { bool, cronSchema, emailSchema, envName, idSchema, int, timezoneSchema } from './schema-fields.ts';

const scheduleFields = {
  /** Cron pattern (minute hour day-of-month month day-of-week). */
  schedule: cronSchema.optional(),
  /** IANA time zone the pattern is read in, e.g. Europe/London. */
  timezone: timezoneSchema.optional(),
};

const vacancySchema = z
  .strictObject({
    id: idSchema,
    mailbox: idSchema.optional(),
    /** The subject tag applicants write, e.g. `[PHD-robustAI]`; none: an open call, recognised by `topics`. */
    tag: z
      .string()
      .trim()
      .refine(
        (tag) => tag.replace(/[^\p{L}\p{N}]/gu, '').length >= 2,
        'must contain at least 2 letters or digits',
      )
      .optional(),
    title: z.string().min(1),
    supervisors: z.array(emailSchema).min(1, 'must list at least one address'),
    documents: z
      .strictObject({
        required: z.array(documentKindSchema).default(['cv']),
        optional: z.array(documentKindSchema).default([]),
      })
      .prefault({}),
    /** This vacancy's digest schedule and/or time zone, instead of the global one. */
    digest: z.strictObject(scheduleFields).optional(),
    /** A folder of templates overriding the default ones for this vacancy (file by file). */
    templates: z.string().min(1).optional(),
    /** Skills and topics looked for in the applicants' documents and mails (case-insensitive, whole words). */
    keywords: z.array(z.string().trim().min(2, 'must have at least 2 characters')).default([]),
    deadline: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-12-02T12:00:00Z' })
      .optional(),
    /** This vacancy's retention rule, over the top-level `retention` (`keep: forever` exempts it). */
    retention: vacancyRetentionSchema.optional(),
    ...callFields,
  })
  .superRefine(checkCall);

/** The automatic replies to applicants and when they are sent. */
const repliesSchema = z.strictObject({
  /** Send acknowledgements at all. */
  enabled: bool().default(true),
  /** A folder of templates (`<kind>.txt.hbs`, `<kind>.html.hbs`) replacing the shipped ones, file by file. */
  templates: z.string().min(1).optional(),
  /** One short "we now have everything" reply when a follow-up completes an application. */
  completion: bool().default(true),
  /** A short receipt for other follow-ups, at most one per `followUpWindowHours`; off by default. */
  followUpReceipts: bool().default(false),
  followUpWindowHours: int(1, 24 * 365).default(24),
  /**
   * Ask the sender of a near miss (mail held for review) to send it again with the vacancy's tag: at most once per
   * sender and vacancy (template resend-request.*.hbs); off by default.
   */
  resendRequest: bool().default(false),
  /** A short receipt to a referee once their letter is linked to its applicant (once per vacancy); off by default. */
  refereeReceipts: bool().default(false),
  /** At most this many replies to one address per `windowHours` (all kinds and vacancies together). */
  maxPerAddress: int(1, 1000).default(5),
  /**
   * At most this many replies to one recipient domain per `windowHours`: forged senders on many addresses of one
   * domain cannot turn the daemon into a mail cannon aimed at it. Replies past it wait (spread over the window),
   * they are never dropped. 1,000 a day is above what one webmail domain sends a call even on its deadline day
   * (a reply past it waits until the window has room: up to a day).
   */
  maxPerDomain: int(1, 100_000).default(1000),
  windowHours: int(1, 24 * 365).default(24),
  /** An address that bounced one of our replies gets none for this long. */
  bounceSuppressionDays: int(1, 3650).default(30),
  /** Replies, enquiries and digests sent per minute, across all processes (BullMQ limiter). */
  ratePerMinute: int(1, 10_000).default(60),
  /** Also append each reply to the Sent folder (Gmail and Microsoft 365 do it themselves). */
  saveToSent: bool().default(false),
  /** Reply once to untagged mail that names a tagged vacancy's title, listing the open vacancies and their tags. */
  enquiries: bool().default(false),
});

export type RepliesConfig = z.infer<typeof repliesSchema>;

/** Weights of the fit score that orders candidates in a digest (see README). */
const scoreWeightsSchema = z.strictObject({
  degree: z.number().min(0).max(100).default(3),
  publications: z.number().min(0).max(100).default(2),
  keywords: z.number().min(0).max(100).default(1),
});

const digestSchema = z.strictObject({
  schedule: cronSchema.default('0 8 * * 1-5'),
  timezone: timezoneSchema.default('UTC'),
  /** Send a short "no new applications" digest when nothing happened (otherwise no e-mail). */
  sendEmpty: bool().default(false),
  weights: scoreWeightsSchema.prefault({}),
  /** Days a candidate's question stays under "waiting for your answer" (the daemon cannot see your answer). */
  questionDays: int(1, 365).default(7),
  /** Per supervisor address: their own schedule and/or time zone. */
  supervisors: z
    .record(z.string(), z.strictObject(scheduleFields))
    .default({})
    .transform((entries) =>
      Object.fromEntries(Object.entries(entries).map(([address, value]) => [address.toLowerCase(), value])),
    ),
});

export type DigestConfig = z.infer<typeof digestSchema>;
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>;

const limitsSchema = z.strictObject({
  /** Messages larger than this are recorded from their headers only and flagged. */
  maxMessageBytes: int(1024, Number.MAX_SAFE_INTEGER).default(40 * 1024 * 1024),
  /**
   * Messages with more attachments of their own than this are dead-lettered as too complex; files inside
   * containers (winmail.dat, Outlook items, attached messages) count too, and a container whose files would pass
   * it is kept whole, not unpacked.
   */
  maxAttachments: int(1, 100_000).default(100),
  /** How deep containers inside containers are unpacked (1: only the message's own; 0: none). */
  maxNestingDepth: int(0, 10).default(3),
  /** Bytes the containers of one message may give, all together; a container that would pass it stays whole. */
  maxUnpackedBytes: int(0, Number.MAX_SAFE_INTEGER).default(40 * 1024 * 1024),
  /**
   * Seconds all containers of one message may take to open, together (an Outlook item is stopped when they run
   * out); containers left then are kept whole.
   */
  maxUnpackSeconds: int(1, 600).default(10),
});

/** The limits when the config does not set them. */
export const DEFAULT_LIMITS: LimitsConfig = limitsSchema.parse({});
export type LimitsConfig = z.infer<typeof limitsSchema>;

/**
 * Limits on reading one attachment, and all the attachments of one message; a document over a limit is recorded
 * as unreadable or not read, with the reason.
 */
const extractionSchema = z.strictObject({
  /** Seconds one document may take before its reading process is killed. */
  timeoutSeconds: int(1, 3600).default(30),
  /** Larger attachments are not read. */
  maxBytes: int(1024, Number.MAX_SAFE_INTEGER).default(40 * 1024 * 1024),
  /** Pages read from a PDF; the rest is skipped (and the text marked truncated). */
  maxPages: int(1, 100_000).default(300),
  /** Characters of text kept per document. */
  maxTextChars: int(1000, 100_000_000).default(2_000_000),
  /** Total uncompressed size allowed inside a zip-based document (DOCX, ODT): a decompression-bomb guard. */
  maxUnzippedBytes: int(1024, Number.MAX_SAFE_INTEGER).default(200 * 1024 * 1024),
  /**
   * Memory one document may take to read, in MB: all of it (JavaScript heap, typed arrays, native buffers), over
   * what a reading process holds before it reads anything. A document that needs more is unreadable.
   */
  // 160 MB is well over what the largest documents of the benchmark need (a 300-page thesis and a 32 MB figure PDF
  // read at 96 MB), and keeps the worst case, two hostile documents read at once on two cores, under 1 GB for the
  // daemon and its reading processes together (npm run bench -- --only hostile).
  memoryMb: int(32, 16_384).default(160),
  /** Reading processes per daemon process; 0 = one per CPU core. */
  threads: int(0, 256).default(0),
  /**
   * Seconds of reading all the documents of one message may take together, counted while at least one of them is
   * being read (not while they wait for a reading process); documents not read by then are not read.
   */
  messageSeconds: int(1, 86_400).default(60),
  /** Documents read per message, in attachment order; the rest are not read. */
  messageDocuments: int(1, 100_000).default(20),
  /** Attachment bytes read per message, in attachment order; a document that would go over it is not read. */
  messageBytes: int(1024, Number.MAX_SAFE_INTEGER).default(100 * 1024 * 1024),
  /** OCR of scans (see ocr-schema.ts). */
  ocr: ocrSchema.prefault({}),
});

type ExtractionSection = z.infer<typeof extractionSchema>;
/** How much reading one message's documents may take in all (documents past it are not read, and flagged). */
export type MessageBudget = Pick<ExtractionSection, 'messageSeconds' | 'messageDocuments' | 'messageBytes'>;
/** What a document reader needs of `extraction`: the limits on one document, processes, OCR (absent: none). */
export type ExtractionConfig = Omit<ExtractionSection, keyof MessageBudget | 'ocr'> & { ocr?: OcrConfig };

const workersSchema = z.strictObject({
  concurrency: int(1, 64).default(4),
  /**
   * Megabytes of mail one daemon process works on at once, by the messages' sizes on the server (fetched, parsed,
   * their attachments being read): what bounds its memory whatever the mix. A larger message is worked on alone.
   */
  inFlightMb: int(1, 16_384).default(64),
  /**
   * Where a daemon process decodes attachments of 1 MB or more while it works on their message, in a private
   * directory of its own (removed when it stops, or by the next process after a crash); the system's temporary
   * directory when not set. The files are applicants' documents: a local disk, not a shared one.
   */
  spoolDir: z.string().min(1).optional(),
  /** Attempts per job before it is dead-lettered. */
  attempts: int(1, 50).default(12),
  /** Seconds a graceful shutdown may take before in-flight jobs are abandoned to be retried. */
  shutdownSeconds: int(1, 600).default(20),
  /** Seconds after which a job of a process that died (kill -9, power loss) is taken up again by another. */
  stalledSeconds: int(2, 600).default(30),
});

/** E-mail to the operator when something needs a person; off unless configured. */
const alertsSchema = z.strictObject({
  /** Who is told: one address or a list. */
  to: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(emailSchema).min(1)),
  /** The mailbox whose SMTP server (and address) sends the alerts; the first mailbox when not set. */
  mailbox: idSchema.optional(),
  /** Another SMTP server for the alerts, so that a refused login of the mailbox's own still gets through. */
  smtp: smtpSchema.optional(),
  /** The sender address; the sending mailbox's address when not set. */
  from: emailSchema.optional(),
  /** A mailbox not fetched for this long is reported (never fetched: this long after the daemon started). */
  notFetchedSeconds: int(1, 7 * 24 * 3600).default(3600),
  /** A problem still there is reported again at most this often; new dead letters wait as long. */
  repeatSeconds: int(1, 30 * 24 * 3600).default(6 * 3600),
  /** Seconds between looks at the mailboxes, logins and dead letters. */
  checkSeconds: int(1, 3600).default(60),
});

export type AlertsConfig = z.infer<typeof alertsSchema>;

const configFields = z.strictObject({
  redis: redisSchema.prefault({}),
  mailboxes: z.array(mailboxSchema).min(1, 'must list at least one mailbox'),
  vacancies: z.array(vacancySchema).min(1, 'must list at least one vacancy'),
  replies: repliesSchema.prefault({}),
  digest: digestSchema.prefault({}),
  limits: limitsSchema.prefault({}),
  workers: workersSchema.prefault({}),
  extraction: extractionSchema.prefault({}),
  /** Optional local export of attachments (a convenience; Redis stays the shared state). */
  export: z.strictObject({ dir: z.string().min(1) }).optional(),
  /** The operator's HTTP endpoint (/healthz, /readyz, /metrics); off unless configured. */
  http: z
    .strictObject({
      port: int(1, 65535),
      /** The address to listen on; 127.0.0.1 keeps it on the machine. */
      host: z.string().min(1).default('127.0.0.1'),
      /**
       * `/readyz` and the gauges of `/metrics` come from a status snapshot at most this old: reading one lists every
       * candidate and scans the ingest queue, which a scrape or probe every second would otherwise repeat.
       */
      statusSeconds: z.number().min(0).max(300).default(5),
    })
    .optional(),
  alerts: alertsSchema.optional(),
  /** Who is never taken for a prospective student: colleagues (see call-schema.ts). */
  enquirers: enquirersSchema.prefault({}),
  /** How long candidate data is kept, and what then (see retention-schema.ts); absent: kept. */
  retention: retentionSchema.optional(),
  /** Statuses a supervisor gives in their mail client: status subfolders and keywords (see decision-schema.ts). */
  decisions: decisionsSchema.prefault({}),
  /**
   * Keys of the daemon's own: `secret` signs the token in every reply's body (e.g. "${TRIAGE_SECRET}");
   * `tokenKeyEnv` names the environment variable holding the key OAuth2 tokens are encrypted with in Redis;
   * `dataKeyEnv` the one candidates' personal data is encrypted with (and `<name>_PREVIOUS` the keys it replaced).
   */
  security: z
    .strictObject({
      secret: z.string().min(16, 'must be at least 16 characters').optional(),
      tokenKeyEnv: envName.default('TRIAGE_TOKEN_KEY'),
      dataKeyEnv: envName.default('TRIAGE_DATA_KEY'),
    })
    .prefault({}),
  log: z
    .strictObject({ level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info') })
    .prefault({}),
});

/** The whole configuration file, before the cross-field checks that need the mailboxes resolved. */
export const configSchema = configFields.superRefine(checkVacancyRetention);

/** A validated configuration, with every vacancy's mailbox resolved. */
export type Config = Omit<z.infer<typeof configSchema>, 'vacancies'> & { vacancies: VacancyConfig[] };
export type MailboxConfig = z.infer<typeof mailboxFields>;
export type VacancyConfig = Omit<z.infer<typeof vacancySchema>, 'mailbox'> & { mailbox: string };
