import { colleaguesMatter, openCallsOf, taggedVacanciesOf } from '../../config/call-kinds.ts';
import type { Config, MailboxConfig } from '../../config/schema.ts';
import type { DocumentReader } from '../../documents/read-documents.ts';
import type { ParsedMessage } from '../../mail/parse-message.ts';
import type { SentRecipients } from '../../ports/call-ports.ts';
import { TriageError } from '../../errors/triage-error.ts';
import { colleagueRule, type ColleagueVerdict } from '../enquiries/colleague-rule.ts';
import type { DocumentFacts } from '../../documents/document-facts.ts';
import { planIngest, readingKeywords, type IngestContext, type IngestPlan } from './plan-ingest.ts';
import { readMessage } from './read-message.ts';
import { describeDocuments } from './triage-message.ts';
import { findNearMissTag } from './review/near-miss-tag.ts';
import { refereeLetterToRead } from './referees/letter-to-read.ts';

/** What planning a message reads besides the message: whom the mailbox wrote to, and its documents. */
export interface PlanMessagePorts {
  config: Pick<Config, 'vacancies' | 'replies' | 'enquirers' | 'extraction'>;
  /** Null: the Sent folder is not known (a dry run without the daemon's store), so it marks nobody. */
  sentRecipients: SentRecipients | null;
  /**
   * What to do while a mailbox's Sent folder has not been read to its end once: `wait` (the daemon: a retryable
   * error, the message is triaged once it has) or `assume-read` (explain: what is known so far).
   */
  unreadSent: 'wait' | 'assume-read';
  /** Null: documents are not read, so an open call is recognised from the subject and text only. */
  reader: DocumentReader | null;
}

/**
 * The ingest plan of one message (planIngest) with what it needs looked up: for mail that could be an enquiry
 * (untagged, or an open call's), whether the sender is a colleague — then waiting, in the daemon, until the
 * mailbox's Sent folder has been read once — and, for study intent without a topic in the text, the open calls'
 * terms in its documents; for a mail that may be a referee's, its letters' kinds and names (readRefereeLetters).
 * Tagged applications never wait. The ingest stage and `explain` both plan through here.
 */
export async function planMessage(
  parsed: ParsedMessage,
  context: Omit<IngestContext, 'colleague' | 'documentsRead' | 'mailbox'> & {
    mailbox: MailboxConfig;
  },
  ports: PlanMessagePorts,
): Promise<IngestPlan> {
  const first = planIngest(parsed, context);
  const { classification, vacancy } = first.triage;
  const mayBeEnquiry = classification.kind === 'untagged' || vacancy?.match === 'topic';
  if (!mayBeEnquiry && classification.kind !== 'review')
    return readRefereeLetters(first, parsed, context, ports, null);
  const colleague = await senderColleague(
    ports,
    context.mailbox,
    parsed.facts.from?.address ?? null,
    !mayBeEnquiry,
  );
  const plan = colleague === null ? first : planIngest(parsed, { ...context, colleague });
  if (ports.reader === null) return plan;
  if (plan.triage.enquiry?.status === 'needs-documents') {
    // Study intent, but no topic in the text: the attached CV or proposal decides, read once for all the calls.
    const documentsRead = await readAttachments(ports.reader, ports.config, context.mailbox.id, parsed);
    return planIngest(parsed, { ...context, colleague, documentsRead });
  }
  if (!nearTagWithUnknownDocuments(plan, parsed, ports.config, context.mailbox.id))
    return readRefereeLetters(plan, parsed, context, ports, colleague);
  // A tag nearly right and a file whose name says nothing: its content tells whether it is a CV or transcript.
  const documentsRead = await readAttachments(
    ports.reader,
    ports.config,
    context.mailbox.id,
    parsed,
    'tagged',
  );
  const reviewer =
    colleague ?? (await senderColleague(ports, context.mailbox, parsed.facts.from?.address ?? null, true));
  return planIngest(parsed, { ...context, colleague: reviewer, documentsRead });
}

/**
 * The plan again with the attachments read, when they may be a referee's letter (refereeLetterToRead): a letter
 * read as a reference weighs as one and the names it introduces count for recognition and linking; one read as a
 * CV, transcript or cover letter makes the mail its applicant's. Else the plan as it is.
 */
async function readRefereeLetters(
  plan: IngestPlan,
  parsed: ParsedMessage,
  context: Parameters<typeof planMessage>[1],
  ports: PlanMessagePorts,
  colleague: ColleagueVerdict | null,
): Promise<IngestPlan> {
  const { classification, referee } = plan.triage;
  const read = refereeLetterToRead({
    subject: parsed.facts.subject,
    kind: classification.kind,
    rule: classification.rule,
    refereeScore: referee?.score ?? null,
    inThread: context.thread !== null,
    kinds: describeDocuments(parsed.facts)
      .filter((document) => document.reading === null)
      .map((document) => document.kind),
  });
  if (ports.reader === null || !read) return plan;
  const documentsRead = await readAttachments(ports.reader, ports.config, context.mailbox.id, parsed, 'all');
  return planIngest(parsed, { ...context, colleague, documentsRead });
}

/** Untagged mail, not a review item yet, whose subject nearly carries a tag and which has a document of unknown kind. */
function nearTagWithUnknownDocuments(
  plan: IngestPlan,
  parsed: ParsedMessage,
  config: PlanMessagePorts['config'],
  mailboxId: string,
): boolean {
  if (plan.triage.classification.kind !== 'untagged' || plan.triage.classification.rule === 'colleague')
    return false;
  if (findNearMissTag(parsed.facts.subject, taggedVacanciesOf(config.vacancies, mailboxId)) === null)
    return false;
  return describeDocuments(parsed.facts).some((document) => document.kind === 'other');
}

/**
 * Why the sender is a colleague, when it matters: the mailbox has an open call or answers enquiries, or the message
 * is a near miss (`review`: a colleague's mail is never one) — then, where the mailbox's Sent folder is not read,
 * by the deny list and the mailbox's domain alone.
 */
async function senderColleague(
  ports: PlanMessagePorts,
  mailbox: MailboxConfig,
  address: string | null,
  review: boolean,
): Promise<ColleagueVerdict | null> {
  const { enquirers } = ports.config;
  if (address === null) return null;
  if (!colleaguesMatter(ports.config, mailbox.id))
    return review ? colleagueRule(address, { mailbox, enquirers, inSent: false }) : null;
  const sent = enquirers.excludeSent ? ports.sentRecipients : null;
  if (sent !== null && ports.unreadSent === 'wait' && !(await sent.known(mailbox.id)))
    throw new TriageError(
      'imap-unavailable',
      `the Sent folder of mailbox ${mailbox.id} has not been read yet: colleagues cannot be told from enquirers`,
    );
  const inSent = sent !== null && (await sent.has(mailbox.id, address));
  return colleagueRule(address, { mailbox, enquirers, inSent });
}

/**
 * The message's attachments read (off the event loop, within the message's budget) with the keywords of every open
 * call (whose terms then decide the call, and the reading serves its candidate too), of every tagged vacancy
 * (whose near miss their kinds decide) or of all the mailbox's vacancies (a possible referee's letter, whose
 * reading then keeps the applicants' names it introduces).
 */
async function readAttachments(
  reader: DocumentReader,
  config: PlanMessagePorts['config'],
  mailboxId: string,
  parsed: ParsedMessage,
  vacancies: 'open' | 'tagged' | 'all' = 'open',
): Promise<DocumentFacts[]> {
  const calls =
    vacancies === 'open'
      ? openCallsOf(config.vacancies, mailboxId)
      : vacancies === 'tagged'
        ? taggedVacanciesOf(config.vacancies, mailboxId)
        : config.vacancies.filter((vacancy) => vacancy.mailbox === mailboxId);
  const keywords = [...new Set(calls.flatMap(readingKeywords))];
  const applicantName = parsed.facts.from?.name ?? '';
  const read = await readMessage(
    reader,
    describeDocuments(parsed.facts),
    parsed,
    { keywords, applicantName, applicantsNamed: vacancies === 'all' },
    config.extraction,
  );
  return read.documents;
}
