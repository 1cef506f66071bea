import type { z } from 'zod';
import { jobIdPart } from '../../domain/job-id-part.ts';
import { messageLocationSchema } from '../../domain/message-location.ts';

/** The queue of the ingest stage. */
export const INGEST_QUEUE = 'ingest';

/** Ingest one message, addressed by mailbox, folder UIDVALIDITY and UID. */
export const ingestJobSchema = messageLocationSchema;
export type IngestJob = z.infer<typeof ingestJobSchema>;

/** Re-adding the same message (same mailbox, UIDVALIDITY and UID) is a no-op. */
export function ingestJobId(job: IngestJob): string {
  return `ingest.${jobIdPart(job.mailbox)}.${jobIdPart(job.uidValidity)}.${job.uid}`;
}
