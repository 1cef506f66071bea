import { z } from 'zod';
import { jobIdPart } from '../../domain/job-id-part.ts';
import { messageLocationSchema } from '../../domain/message-location.ts';

/** The queue of the ingest stage. */
export const INGEST_QUEUE = 'ingest';

/**
 * Ingest one message, addressed by mailbox, folder UIDVALIDITY and UID, with its size on the server when the
 * watcher read it (jobs queued without one are counted at `limits.maxMessageBytes` against the memory budget).
 */
export const ingestJobSchema = messageLocationSchema.extend({
  size: z.number().int().nonnegative().optional(),
});
export type IngestJob = z.infer<typeof ingestJobSchema>;

/** Re-adding the same message (same mailbox, UIDVALIDITY and UID) is a no-op. */
export function ingestJobId(job: IngestJob): string {
  return `ingest.${jobIdPart(job.mailbox)}.${jobIdPart(job.uidValidity)}.${job.uid}`;
}
