import { z } from 'zod';
import { shortHash } from '../candidates/short-hash.ts';
import { REPLY_KINDS } from '../replies/reply-kinds.ts';

/** The queues of the pipeline, in order. */
export const QUEUE_NAMES = {
  ingest: 'ingest',
  assess: 'assess',
  replies: 'replies',
  enquiries: 'enquiries',
  digests: 'digests',
} as const;

/** Ingest one message, addressed by mailbox, folder UIDVALIDITY and UID. */
export const ingestJobSchema = z.object({
  mailbox: z.string(),
  uidValidity: z.string(),
  uid: z.number().int().positive(),
});
export type IngestJob = z.infer<typeof ingestJobSchema>;

/** Assess and file one application message of a candidate. */
export const assessJobSchema = ingestJobSchema.extend({
  candidateId: z.string(),
  vacancy: z.string(),
  messageKey: z.string(),
});
export type AssessJob = z.infer<typeof assessJobSchema>;

/** Decide on (and later send) a reply of one kind to a candidate. */
export const replyJobSchema = z.object({
  candidateId: z.string(),
  vacancy: z.string(),
  kind: z.enum(REPLY_KINDS),
  messageKey: z.string(),
});
export type ReplyJob = z.infer<typeof replyJobSchema>;

// BullMQ job ids may not contain ':' and must not look like integers; '.' separates the parts.
const safe = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, '_');

/** Re-adding the same message (same mailbox, UIDVALIDITY and UID) is a no-op. */
export function ingestJobId(job: IngestJob): string {
  return `ingest.${safe(job.mailbox)}.${safe(job.uidValidity)}.${job.uid}`;
}

/** One assessment per message location. */
export function assessJobId(job: AssessJob): string {
  return `assess.${safe(job.mailbox)}.${safe(job.uidValidity)}.${job.uid}`;
}

/**
 * One reply job per (candidate, reply kind) — the key of the reply ledger; a follow-up receipt, allowed once per
 * window, gets one job per message and relies on the ledger for the window.
 */
export function replyJobId(job: ReplyJob): string {
  const base = `reply.${safe(job.candidateId)}.${job.kind}`;
  return job.kind === 'receipt' ? `${base}.${shortHash(job.messageKey, 16)}` : base;
}

/** Reply once to an untagged enquiry that names a vacancy: everything needed, as there is no candidate. */
export const enquiryJobSchema = z.object({
  mailbox: z.string(),
  vacancy: z.string(),
  messageKey: z.string(),
  messageId: z.string().nullable(),
  subject: z.string(),
  references: z.array(z.string()),
  to: z.object({ name: z.string(), address: z.string() }),
  noReply: z.object({ rule: z.string(), detail: z.string() }).nullable(),
});
export type EnquiryJob = z.infer<typeof enquiryJobSchema>;

/** One enquiry reply per sender and mailbox: the key of its ledger entry. */
export function enquiryJobId(job: EnquiryJob): string {
  return `enquiry.${safe(job.mailbox)}.${shortHash(job.to.address.toLowerCase(), 16)}`;
}

/** Send one supervisor's digest for these vacancies (created by the digest job schedulers). */
export const digestJobSchema = z.object({
  supervisor: z.string(),
  vacancies: z.array(z.string()).min(1),
  timezone: z.string().default('UTC'),
});
export type DigestJob = z.infer<typeof digestJobSchema>;
