import { taggedVacanciesOf } from '../../config/call-kinds.ts';
import type { Config, MailboxConfig, VacancyConfig } from '../../config/schema.ts';
import type { MailAddress } from '../../mail/message-facts.ts';
import type { ParsedMessage } from '../../mail/parse-message.ts';
import { planReply, type PlannedReply } from '../replies/plan-reply.ts';
import type { ReplyTemplates } from '../replies/render-reply.ts';
import type { EnquiryJob } from './enquiry-job.ts';
import { mentionsVacancy } from './mentions-vacancy.ts';

/**
 * The enquiry reply an untagged message calls for: when enquiries are enabled and it clearly names one of the
 * mailbox's vacancies, one reply listing the vacancies and their tags; else null. Pure.
 */
export function planEnquiry(
  parsed: Pick<ParsedMessage, 'facts' | 'text'>,
  context: {
    config: Pick<Config, 'vacancies' | 'replies'>;
    mailboxId: string;
    messageKey: string;
    noReply: EnquiryJob['noReply'];
    /** Where the reply may go (chooseReplyRecipient): never a third-party Reply-To without trusted evidence. */
    to: MailAddress | null;
  },
): EnquiryJob | null {
  const { facts } = parsed;
  const to = context.to;
  if (!context.config.replies.enquiries || !to) return null;
  const vacancies = taggedVacanciesOf(context.config.vacancies, context.mailboxId);
  const mention = mentionsVacancy(facts.subject, parsed.text, vacancies);
  if (!mention) return null;
  return {
    mailbox: context.mailboxId,
    vacancy: mention.vacancyId,
    messageKey: context.messageKey,
    messageId: facts.messageId,
    subject: facts.subject,
    references: [...facts.references.slice(-9), facts.messageId].filter((id) => id !== null),
    to,
    noReply: context.noReply,
  };
}

/** The enquiry reply itself: to the sender, listing the mailbox's vacancies still open at `now`. Pure. */
export function planEnquiryReply(
  job: EnquiryJob,
  scene: { vacancies: readonly VacancyConfig[]; vacancy: VacancyConfig; mailbox: MailboxConfig },
  templates: ReplyTemplates,
  now = Date.now(),
): PlannedReply {
  const { vacancy, mailbox } = scene;
  const openVacancies = scene.vacancies.filter(
    (entry) =>
      entry.mailbox === mailbox.id &&
      entry.tag !== undefined &&
      (entry.deadline === undefined || Date.parse(entry.deadline) > now),
  );
  const candidate = { name: job.to.name, email: job.to.address, documents: [], missing: [] };
  const message = { ...job, replyTo: job.to };
  return planReply({ kind: 'enquiry', candidate, message, vacancy, mailbox, openVacancies }, templates);
}
