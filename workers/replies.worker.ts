import type { Job } from 'bullmq';
import { runStage } from '../src/adapters/queues/run-stage.ts';
import type { StageDependencies } from '../src/daemon/stage-dependencies.ts';
import { replyJobSchema } from '../src/pipeline/jobs.ts';

/** What the reply stage decided. */
export type ReplyOutcome = { sent: false; reason: string };

/**
 * The reply stage. Acknowledgements are not sent by this version: the job records the decision point (one job per
 * candidate and reply kind, deduplicated by its id) so that sending can be added without changing the pipeline.
 */
export function repliesProcessor(deps: StageDependencies): (job: Job) => Promise<ReplyOutcome> {
  return (job) =>
    runStage(job, replyJobSchema, async (payload) => {
      deps.logger.debug(
        { component: 'replies', job: job.id, candidate: payload.candidateId },
        'reply not sent',
      );
      return Promise.resolve({ sent: false, reason: 'acknowledgements are not enabled in this version' });
    });
}
