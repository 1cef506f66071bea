import { z } from 'zod';
import { jobIdPart } from '../../domain/job-id-part.ts';

/** The queue of the enquiry stage. */
export const ENQUIRIES_QUEUE = 'enquiries';

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
export function enquiryJobId(job: EnquiryJob, addressHash: (address: string) => string): string {
  return `enquiry.${jobIdPart(job.mailbox)}.${addressHash(job.to.address).slice(0, 16)}`;
}
