import { z } from 'zod';

/** The queue of the digest stage. */
export const DIGESTS_QUEUE = 'digests';

/** Send one supervisor's digest for these vacancies (created by the digest job schedulers). */
export const digestJobSchema = z.object({
  supervisor: z.string(),
  vacancies: z.array(z.string()).min(1),
  timezone: z.string().default('UTC'),
});
export type DigestJob = z.infer<typeof digestJobSchema>;
