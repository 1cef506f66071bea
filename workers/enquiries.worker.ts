import type { Job } from 'bullmq';
import { markAnswered } from '../src/adapters/imap/mark-answered.ts';
import { runStage } from '../src/adapters/queues/run-stage.ts';
import { shortHash } from '../src/adapters/redis/redis-keys.ts';
import { deliverReply, type DeliveryOutcome } from '../src/daemon/deliver-reply.ts';
import type { ReplyServices } from '../src/daemon/reply-services.ts';
import type { StageDependencies } from '../src/daemon/stage-dependencies.ts';
import { enquiryJobSchema, type EnquiryJob } from '../src/pipeline/jobs.ts';
import { planReply } from '../src/replies/plan-reply.ts';

/** The enquiry stage: one polite reply listing the open vacancies and their tags, at most once per sender. */
export function enquiriesProcessor(
  deps: StageDependencies,
  services: ReplyServices,
): (job: Job) => Promise<DeliveryOutcome> {
  return (job) =>
    runStage(job, enquiryJobSchema, (payload) => answer(deps, services, payload, `${job.id ?? ''}`));
}

async function answer(
  deps: StageDependencies,
  services: ReplyServices,
  payload: EnquiryJob,
  jobId: string,
): Promise<DeliveryOutcome> {
  const mailbox = deps.config.mailboxes.find((entry) => entry.id === payload.mailbox);
  const vacancy = deps.config.vacancies.find((entry) => entry.id === payload.vacancy);
  const templates = services.templates.get(payload.vacancy);
  if (!mailbox || !vacancy || !templates)
    return { sent: false, reason: 'mailbox or vacancy no longer configured' };
  const now = Date.now();
  const openVacancies = deps.config.vacancies.filter(
    (entry) =>
      entry.mailbox === mailbox.id && (entry.deadline === undefined || Date.parse(entry.deadline) > now),
  );
  const candidate = { name: payload.to.name, email: payload.to.address, documents: [], missing: [] };
  const message = { ...payload, replyTo: payload.to };
  const messageId = payload.messageId;
  return deliverReply(deps, services, {
    ledgerKey: deps.keys.replyLedger(`mailbox-${mailbox.id}`, shortHash(payload.to.address), 'enquiry'),
    ttlMs: 0,
    recipient: payload.to.address,
    noReply: payload.noReply,
    mailbox,
    plan: () =>
      planReply({ kind: 'enquiry', candidate, message, vacancy, mailbox, openVacancies }, templates),
    record: async (entry) => {
      const value = JSON.stringify({ ...entry, at: new Date().toISOString() });
      await deps.redis.hset(deps.keys.enquiries(mailbox.id), payload.messageKey, value);
    },
    answer: async () => {
      if (messageId)
        await deps.connections.withFolder(mailbox.id, mailbox.watch, (client) =>
          markAnswered(client, messageId),
        );
    },
    logger: deps.logger.child({ component: 'enquiries', job: jobId }),
    jobId,
  });
}
