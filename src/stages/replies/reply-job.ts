import { z } from 'zod';
import { jobIdPart } from '../../domain/job-id-part.ts';
import { ledgerKind, REPLY_KINDS } from '../../domain/reply-kinds.ts';
import { shortHash } from '../../domain/short-hash.ts';

/** The queue of the reply stage. */
export const REPLIES_QUEUE = 'replies';

/** Decide on (and later send) a reply of one kind to a candidate. */
export const replyJobSchema = z.object({
  candidateId: z.string(),
  vacancy: z.string(),
  kind: z.enum(REPLY_KINDS),
  messageKey: z.string(),
  /** For a `decision`: the status it tells of (a configured status id). */
  status: z.string().optional(),
});
export type ReplyJob = z.infer<typeof replyJobSchema>;

/**
 * One reply job per (candidate, reply kind; per status for a decision) — the key of the reply ledger; a follow-up receipt, allowed once per
 * window, gets one job per message and relies on the ledger for the window.
 */
export function replyJobId(job: ReplyJob): string {
  const base = `reply.${jobIdPart(job.candidateId)}.${jobIdPart(ledgerKind(job.kind, job.status))}`;
  // A referee's receipt answers one letter of the candidate's; the ledger keeps it to one per referee.
  return job.kind === 'receipt' || job.kind === 'reference-receipt'
    ? `${base}.${shortHash(job.messageKey, 16)}`
    : base;
}
