import { messagePlace, type IncomingApplication } from '../../candidates/merge-candidate.ts';
import type { Config, MailboxConfig, VacancyConfig } from '../../config/schema.ts';
import { messageKey } from '../../mail/message-key.ts';
import type { ParsedMessage } from '../../mail/parse-message.ts';
import type { DocumentFacts } from '../../documents/document-facts.ts';
import type { DocumentProfile } from '../../profile/profile-types.ts';
import type { ThreadOwner } from '../../ports/candidate-records.ts';
import type { EnquiryJob } from '../enquiries/enquiry-job.ts';
import { planEnquiry } from '../enquiries/plan-enquiry.ts';
import { findReplyToken } from '../../domain/reply-token.ts';
import { bodyText } from '../../mail/body-text.ts';
import { replyTokenText } from '../../mail/reply-token-text.ts';
import { readBounceClaim, type BounceClaim } from '../replies/bounce-suppression.ts';
import { chooseReplyRecipient, type RecipientDecision } from '../replies/reply-recipient.ts';
import { triageMessage, type TriageResult } from './triage-message.ts';
import type { ColleagueVerdict } from '../enquiries/colleague-rule.ts';
import { documentTermsOf } from '../enquiries/match-open-call.ts';
import { callTerms } from '../enquiries/recognise-enquiry.ts';
import { findQuestion } from './questions/find-question.ts';
import type { HeldReference } from '../../candidates/held-reference.ts';
import { planReference } from './referees/plan-reference.ts';

/** What the plan needs besides the message: configuration, where it is, and the thread it replies to. */
export interface IngestContext {
  config: Pick<Config, 'vacancies' | 'replies'>;
  mailbox: Pick<MailboxConfig, 'id'> & Partial<Pick<MailboxConfig, 'trustedAuthservIds'>>;
  ownAddresses: ReadonlySet<string>;
  /** The key our replies' body tokens are signed with (see replyToken); null: no token can be ours. */
  replyKey?: Buffer | null;
  /** The candidate an earlier message of its thread (In-Reply-To/References) belongs to, if any. */
  thread: ThreadOwner | null;
  /** Where the message is: recorded with it, so that it can be filed and answered later. */
  location: { uidValidity: string; uid: number };
  receivedAt: string;
  /** Why the sender is a colleague (colleagueRule): never recorded as an enquirer nor sent an enquiry reply. */
  colleague?: ColleagueVerdict | null;
  /**
   * The attachments as read while planning (planMessage), with the keywords of every vacancy the mail may be for:
   * the terms found in them decide an open call, their kinds a near miss or a referee's mail, and an application's
   * documents are not read again; null or absent: not read.
   */
  documentsRead?: readonly DocumentFacts[] | null;
}

/** An application to record: the merge input, the candidate of its thread, and what reading it needs. */
export interface PlannedApplication {
  vacancy: VacancyConfig;
  incoming: IncomingApplication;
  threadCandidateId: string | null;
  /** What reading its documents and text needs. */
  reading: { keywords: readonly string[]; applicantName: string };
  /** Its documents as already read while planning (see IngestContext.documentsRead), keywords narrowed; else null. */
  read: DocumentFacts[] | null;
}

/** Everything the ingest stage does with one message, decided before any state is touched. */
export interface IngestPlan {
  /** The message's identity across deliveries and folders. */
  key: string;
  triage: TriageResult;
  /**
   * For a bounce: its failed recipients and the replies of ours it names. Only those a named reply was really
   * sent to are suppressed, which needs the sent-reply record (verifyBounce, in the effect).
   */
  bounce: BounceClaim | null;
  /** Where a reply to this message would go, and why (chooseReplyRecipient). */
  recipient: RecipientDecision;
  /** The reply an untagged enquiry calls for (see planEnquiry). */
  enquiry: EnquiryJob | null;
  /** Null when the message is not an application: it is only remembered as seen, and left in place. */
  application: PlannedApplication | null;
  /** For a referee's mail: what is held and linked to the applicant's candidate (never an application). */
  reference: HeldReference | null;
}

/**
 * Plans the ingest of one parsed message: classification, vacancy, applicant and documents (triageMessage), what
 * a bounce suppresses, the enquiry reply, and the candidate change. Pure.
 */
export function planIngest(parsed: ParsedMessage, context: IngestContext): IngestPlan {
  const { facts } = parsed;
  const key = messageKey(facts);
  const triage = triageMessage(facts, {
    config: context.config,
    mailbox: context.mailbox,
    ownAddresses: context.ownAddresses,
    threadVacancy: context.thread?.vacancy ?? null,
    receivedAt: context.receivedAt,
    replyToken: findReplyToken(replyTokenText(parsed), context.replyKey ?? null),
    text: parsed.text,
    bodyText: bodyText(parsed),
    colleague: context.colleague ?? null,
    documentTerms: context.documentsRead ? termsFound(context.documentsRead) : null,
    documentsRead: context.documentsRead ?? null,
  });
  const { classification, vacancy, applicant } = triage;
  const recipient = chooseReplyRecipient(facts, context.mailbox.trustedAuthservIds ?? []);
  const plan: IngestPlan = {
    key,
    triage,
    bounce: classification.kind === 'bounce' ? readBounceClaim(parsed) : null,
    recipient,
    enquiry:
      classification.kind === 'untagged' && !context.colleague
        ? planEnquiry(parsed, {
            config: context.config,
            mailboxId: context.mailbox.id,
            messageKey: key,
            noReply: classification.replySuppressed,
            to: recipient.address,
          })
        : null,
    application: null,
    reference:
      classification.kind === 'reference' && triage.referee
        ? planReference(facts, {
            key,
            mailboxId: context.mailbox.id,
            location: context.location,
            receivedAt: context.receivedAt,
            vacancy: vacancy?.id ?? null,
            recognition: triage.referee,
            evidence: classification.detail,
            noReply: classification.replySuppressed,
            documents: triage.documents,
            text: bodyText(parsed),
          })
        : null,
  };
  const vacancyConfig = context.config.vacancies.find((candidate) => candidate.id === vacancy?.id);
  const applies = classification.kind === 'application' || classification.kind === 'review';
  if (!applies || !vacancy || !vacancyConfig || !applicant) return plan;
  // A message that brings no document and asks something waits for the supervisor's answer (see the digest).
  const question = triage.documents.length === 0 ? findQuestion(bodyText(parsed)) : null;
  const incoming: IncomingApplication = {
    message: {
      ...messagePlace(facts, key, {
        mailbox: context.mailbox.id,
        uidValidity: context.location.uidValidity,
        uid: context.location.uid,
        receivedAt: context.receivedAt,
      }),
      match: vacancy.match,
      sender: applicant.address,
      replyTo: recipient.address,
      noReply: classification.replySuppressed,
      bodyProfile: null,
      ...(triage.enquiry?.status === 'enquiry'
        ? { call: { topics: triage.enquiry.topics, programmes: triage.enquiry.programmes } }
        : {}),
      ...(triage.nearMiss === null
        ? {}
        : {
            nearMiss: {
              reason: triage.nearMiss.reason,
              matched: triage.nearMiss.matched,
              evidence: triage.nearMiss.evidence,
            },
          }),
      ...(question === null ? {} : { question }),
    },
    applicant,
    documents: triage.documents,
    flags: triage.flags,
  };
  const threadCandidateId = context.thread?.vacancy === vacancy.id ? context.thread.candidateId : null;
  const reading = { keywords: readingKeywords(vacancyConfig), applicantName: applicant.name };
  const read = context.documentsRead ? narrowKeywords(context.documentsRead, reading.keywords) : null;
  return { ...plan, application: { vacancy: vacancyConfig, incoming, threadCandidateId, reading, read } };
}

/** What a candidate's documents are searched for: the vacancy's keywords, and an open call's topics and programmes. */
export function readingKeywords(vacancy: VacancyConfig): string[] {
  if (vacancy.tag !== undefined) return vacancy.keywords;
  return [...new Set([...vacancy.keywords, ...documentTermsOf([callTerms(vacancy)])])];
}

/**
 * Documents read with several calls' keywords, keeping in each profile only those of `keywords` (and none of the
 * names a letter introduces). Pure.
 */
function narrowKeywords(documents: readonly DocumentFacts[], keywords: readonly string[]): DocumentFacts[] {
  const kept = new Set(keywords.map((keyword) => keyword.toLowerCase()));
  return documents.map((document) => {
    const profile = document.reading?.profile;
    if (!document.reading || !profile) return document;
    const own = profile.keywords.filter((keyword) => kept.has(keyword.toLowerCase()));
    const narrowed: DocumentProfile = { ...profile, keywords: own };
    // The names a letter introduces stay with the held reference: an application's documents do not keep them.
    delete narrowed.applicantsNamed;
    return { ...document, reading: { ...document.reading, profile: narrowed } };
  });
}

/** The keywords and terms a reading found in the documents, each once. Pure. */
function termsFound(documents: readonly DocumentFacts[]): string[] {
  return [...new Set(documents.flatMap((document) => document.reading?.profile?.keywords ?? []))];
}
