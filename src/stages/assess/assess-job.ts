import { z } from 'zod';
import { jobIdPart } from '../../domain/job-id-part.ts';
import { messageLocationSchema } from '../../domain/message-location.ts';

/** The queue of the assess stage. */
export const ASSESS_QUEUE = 'assess';

/** Assess and file one application message of a candidate. */
export const assessJobSchema = messageLocationSchema.extend({
  candidateId: z.string(),
  vacancy: z.string(),
  messageKey: z.string(),
});
export type AssessJob = z.infer<typeof assessJobSchema>;

/** One assessment per message location. */
export function assessJobId(job: AssessJob): string {
  return `assess.${jobIdPart(job.mailbox)}.${jobIdPart(job.uidValidity)}.${job.uid}`;
}
