import { shortHash } from '../../domain/short-hash.ts';
import type { Config } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { LedgerKeys } from '../../ports/delivery-ports.ts';
import type { MailboxGateway } from '../../ports/mailbox-gateway.ts';
import type { EnquiryLog } from '../../ports/stage-stores.ts';
import { deliverReply, type DeliveryOutcome, type ReplyDeliveryPorts } from '../replies/deliver-reply.ts';
import type { ReplyTemplates } from '../replies/render-reply.ts';
import type { EnquiryJob } from './enquiry-job.ts';
import { planEnquiryReply } from './plan-enquiry.ts';

/** What the enquiry stage uses. */
export interface EnquiryStagePorts extends ReplyDeliveryPorts {
  config: Pick<Config, 'vacancies' | 'mailboxes'>;
  gateway: MailboxGateway;
  enquiries: EnquiryLog;
  keys: LedgerKeys;
  templates: ReadonlyMap<string, ReplyTemplates>;
  logger: Logger;
}

/** The ledger key of the enquiry reply to a sender: once per mailbox and sender. */
export function enquiryLedgerKey(
  keys: Pick<LedgerKeys, 'replyLedger' | 'addressHash'>,
  mailboxId: string,
  address: string,
): string {
  return keys.replyLedger(`mailbox-${mailboxId}`, keys.addressHash(address), 'enquiry');
}

/** The enquiry stage: one polite reply listing the open vacancies and their tags, at most once per sender. */
export async function runEnquiry(
  ports: EnquiryStagePorts,
  payload: EnquiryJob,
  jobId: string,
): Promise<DeliveryOutcome> {
  const mailbox = ports.config.mailboxes.find((entry) => entry.id === payload.mailbox);
  const vacancy = ports.config.vacancies.find((entry) => entry.id === payload.vacancy);
  const templates = ports.templates.get(payload.vacancy);
  if (!mailbox || !vacancy || !templates)
    return { sent: false, reason: 'mailbox or vacancy no longer configured' };
  const messageId = payload.messageId;
  return deliverReply(ports, {
    kind: 'enquiry',
    ledgerKey: enquiryLedgerKey(ports.keys, mailbox.id, payload.to.address),
    legacyLedgerKey: ports.keys.replyLedger(
      `mailbox-${mailbox.id}`,
      shortHash(payload.to.address),
      'enquiry',
    ),
    ttlMs: 0,
    recipient: payload.to.address,
    scope: `mailbox-${mailbox.id}`,
    applicant: payload.to.address,
    noReply: payload.noReply,
    mailbox,
    plan: () => planEnquiryReply(payload, { vacancies: ports.config.vacancies, vacancy, mailbox }, templates),
    record: (entry) =>
      ports.enquiries.record(mailbox.id, payload.messageKey, { ...entry, at: new Date().toISOString() }),
    answer: async () => {
      if (messageId) await ports.gateway.markAnswered(mailbox, { folder: mailbox.watch, messageId });
    },
    logger: ports.logger.child({ component: 'enquiries', job: jobId }),
    jobId,
  });
}
