import type { Job } from 'bullmq';
import { runStage } from '../src/adapters/queues/run-stage.ts';
import { sendDigest, type DigestContext } from '../src/daemon/send-digest.ts';
import { digestJobSchema } from '../src/pipeline/jobs.ts';

/** The digest stage: one scheduled digest, sent at most once per schedule slot (the job id is the slot). */
export function digestsProcessor(
  context: DigestContext,
): (job: Job) => Promise<{ sent: boolean; reason: string }> {
  return (job) =>
    runStage(job, digestJobSchema, (payload) =>
      sendDigest(context, {
        runId: String(job.id ?? job.timestamp),
        supervisor: payload.supervisor,
        vacancies: payload.vacancies,
        timezone: payload.timezone,
      }),
    );
}
