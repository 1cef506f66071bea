import type { Config, MailboxConfig } from '../../config/schema.ts';
import type { DocumentReader } from '../../documents/read-documents.ts';
import type { ParsedMessage } from '../../mail/parse-message.ts';
import type { SentRecipients } from '../../ports/call-ports.ts';
import { colleagueRule, type ColleagueVerdict } from '../enquiries/colleague-rule.ts';
import { documentTermsOf } from '../enquiries/match-open-call.ts';
import { callTerms } from '../enquiries/recognise-enquiry.ts';
import { planIngest, type IngestContext, type IngestPlan } from './plan-ingest.ts';
import { readMessage } from './read-message.ts';
import { describeDocuments } from './triage-message.ts';

/** What planning a message reads besides the message: whom the mailbox wrote to, and its documents. */
export interface PlanMessagePorts {
  config: Pick<Config, 'vacancies' | 'replies' | 'enquirers' | 'extraction'>;
  /** Null: the Sent folder is not known (a dry run without the daemon's store), so it marks nobody. */
  sentRecipients: SentRecipients | null;
  /** Null: documents are not read, so an open call is recognised from the subject and text only. */
  reader: DocumentReader | null;
}

/**
 * The ingest plan of one message (planIngest) with what it needs looked up first: whether the sender is a
 * colleague, and — for study intent without a topic in the text — the open calls' terms in its documents.
 * The ingest stage and `explain` both plan through here.
 */
export async function planMessage(
  parsed: ParsedMessage,
  context: Omit<IngestContext, 'colleague' | 'documentTerms' | 'mailbox'> & { mailbox: MailboxConfig },
  ports: PlanMessagePorts,
): Promise<IngestPlan> {
  const colleague = await senderColleague(ports, context.mailbox, parsed.facts.from?.address ?? null);
  const plan = planIngest(parsed, { ...context, colleague });
  if (plan.triage.enquiry?.status !== 'needs-documents' || ports.reader === null) return plan;
  // Study intent, but no topic in the text: the attached CV or proposal decides (and is read again if chosen).
  const documentTerms = await openCallTermsIn(ports.reader, ports.config, context.mailbox.id, parsed);
  return planIngest(parsed, { ...context, colleague, documentTerms });
}

/** Why the sender is a colleague, when it matters: the mailbox has an open call or answers enquiries. */
async function senderColleague(
  ports: PlanMessagePorts,
  mailbox: MailboxConfig,
  address: string | null,
): Promise<ColleagueVerdict | null> {
  const { vacancies, replies, enquirers } = ports.config;
  const calls = vacancies.some((vacancy) => vacancy.mailbox === mailbox.id && vacancy.tag === undefined);
  if (address === null || (!calls && !replies.enquiries)) return null;
  const inSent =
    enquirers.excludeSent &&
    ports.sentRecipients !== null &&
    (await ports.sentRecipients.has(mailbox.id, address));
  return colleagueRule(address, { mailbox, enquirers, inSent });
}

/** The mailbox's open-call terms found in the message's attachments (read off the event loop, within budget). */
async function openCallTermsIn(
  reader: DocumentReader,
  config: PlanMessagePorts['config'],
  mailboxId: string,
  parsed: ParsedMessage,
): Promise<string[]> {
  const calls = config.vacancies.filter(
    (vacancy) => vacancy.mailbox === mailboxId && vacancy.tag === undefined,
  );
  const keywords = documentTermsOf(calls.map(callTerms));
  const applicantName = parsed.facts.from?.name ?? '';
  const documents = describeDocuments(parsed.facts);
  const read = await readMessage(reader, documents, parsed, { keywords, applicantName }, config.extraction);
  return [...new Set(read.documents.flatMap((document) => document.reading?.profile?.keywords ?? []))];
}
