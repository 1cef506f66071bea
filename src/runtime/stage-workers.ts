import type { Job, Processor, Worker } from 'bullmq';
import type { z } from 'zod';
import { startQueueWorker } from '../adapters/queues/start-queue-worker.ts';
import { runStage } from '../adapters/queues/run-stage.ts';
import { ASSESS_QUEUE, assessJobSchema } from '../stages/assess/assess-job.ts';
import { runAssess } from '../stages/assess/run-assess.ts';
import { DIGESTS_QUEUE, digestJobSchema } from '../stages/digests/digest-job.ts';
import { runDigest } from '../stages/digests/run-digest.ts';
import { ENQUIRIES_QUEUE, enquiryJobSchema } from '../stages/enquiries/enquiry-job.ts';
import { runEnquiry } from '../stages/enquiries/run-enquiry.ts';
import { INGEST_QUEUE, ingestJobSchema } from '../stages/ingest/ingest-job.ts';
import { runIngest } from '../stages/ingest/run-ingest.ts';
import { REPLIES_QUEUE, replyJobSchema } from '../stages/replies/reply-job.ts';
import { runReply } from '../stages/replies/run-reply.ts';
import type { DeliveryOutcome } from '../stages/replies/deliver-reply.ts';
import type { StageServices } from './stage-services.ts';

/** The stages with a queue, in pipeline order. */
export const STAGE_NAMES = [
  INGEST_QUEUE,
  ASSESS_QUEUE,
  REPLIES_QUEUE,
  ENQUIRIES_QUEUE,
  DIGESTS_QUEUE,
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

// A job's payload is checked against its stage's schema before the stage runs on it.
function processor<S extends z.ZodType>(
  schema: S,
  run: (payload: z.infer<S>, job: Job) => Promise<unknown>,
): Processor {
  return (job: Job, token?: string) => runStage(job, schema, (payload) => run(payload, job), token);
}

// A metric label from our own reason texts ("already sent", "unconfirmed: …"): their first word, never mail text.
function replyOutcome(outcome: DeliveryOutcome): string {
  if (outcome.sent) return 'sent';
  return /^[a-z-]{1,24}/.exec(outcome.reason)?.[0] ?? 'other';
}

function stageProcessor(name: StageName, services: StageServices): Processor {
  const id = (job: Job) => job.id ?? '';
  switch (name) {
    case 'ingest':
      return processor(ingestJobSchema, async (payload, job) => {
        const outcome = await runIngest(services.ingest, payload, id(job));
        const classification =
          outcome.status === 'reference' ? 'reference' : 'kind' in outcome ? outcome.kind : 'application';
        services.metrics.countMessage(outcome.status, classification);
        return outcome;
      });
    case 'assess':
      return processor(assessJobSchema, (payload, job) => runAssess(services.assess, payload, id(job)));
    case 'replies':
      return processor(replyJobSchema, async (payload, job) => {
        const outcome = await runReply(services.replies, payload, id(job));
        services.metrics.countReply(payload.kind, replyOutcome(outcome));
        return outcome;
      });
    case 'enquiries':
      return processor(enquiryJobSchema, (payload, job) => runEnquiry(services.enquiries, payload, id(job)));
    case 'digests':
      // At most once per schedule slot: the job id is the slot.
      return processor(digestJobSchema, (payload, job) =>
        runDigest(services.digests, { runId: String(job.id ?? job.timestamp), ...payload }),
      );
  }
}

// Stages that send mail: at most replies.ratePerMinute jobs a minute across every process (BullMQ's limiter waits
// before a job starts, so nothing is claimed or marked "sending" while it waits).
const SENDING_STAGES: ReadonlySet<StageName> = new Set(['replies', 'enquiries', 'digests']);

/** Starts the worker of one stage; a job that failed for good is recorded as a dead letter. */
export function startStageWorker(name: StageName, services: StageServices): Worker {
  const { config } = services;
  return startQueueWorker(
    {
      queue: name,
      redis: config.redis,
      prefix: config.redis.prefix,
      concurrency: config.workers.concurrency,
      stalledSeconds: config.workers.stalledSeconds,
      attempts: config.workers.attempts,
      ratePerMinute: SENDING_STAGES.has(name) ? config.replies.ratePerMinute : undefined,
    },
    stageProcessor(name, services),
    services.logger,
    (letter) => services.deadLetters.record(letter),
  );
}
