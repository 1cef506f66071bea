import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { withHistory } from '../candidates/candidate-updates.ts';
import { messagePlace, type IncomingApplication } from '../candidates/merge-candidate.ts';
import type { VacancyConfig } from '../config/schema.ts';
import { plural } from '../domain/plural.ts';
import { messageKey } from '../mail/message-key.ts';
import type { ParsedMessage } from '../mail/parse-message.ts';
import { chooseReplyRecipient } from '../stages/replies/reply-recipient.ts';
import { readingKeywords } from '../stages/ingest/plan-ingest.ts';
import { describeDocuments } from '../stages/ingest/triage-message.ts';

/** What `link` records: the message as one of the candidate's, and what reading its documents needs. */
export interface LinkPlan {
  /** The candidate it is linked to. */
  candidateId: string;
  key: string;
  incoming: IncomingApplication;
  reading: { keywords: readonly string[]; applicantName: string };
  /** True when the candidate already holds the message (linked before, or merged by the daemon). */
  already: boolean;
}

/**
 * Plans linking a message the daemon did not take as an application (left untagged in the watched folder, say) to
 * a candidate: it is merged like an application's message (`match: linked`) with its documents described as ingest
 * describes them, to be read the same way. Linking a message the candidate holds changes nothing. Pure.
 */
export function planLink(
  parsed: ParsedMessage,
  candidate: CandidateRecord,
  context: {
    vacancy: VacancyConfig;
    mailboxId: string;
    trustedAuthservIds: readonly string[];
    location: { uidValidity: string; uid: number };
    receivedAt: string;
  },
): LinkPlan {
  const { facts } = parsed;
  const key = messageKey(facts);
  const incoming: IncomingApplication = {
    message: {
      ...messagePlace(facts, key, {
        ...context.location,
        mailbox: context.mailboxId,
        receivedAt: context.receivedAt,
      }),
      match: 'linked',
      sender: facts.from?.address.toLowerCase() ?? '',
      replyTo: chooseReplyRecipient(facts, context.trustedAuthservIds).address,
      noReply: null,
      bodyProfile: null,
    },
    applicant: { name: candidate.name, address: candidate.email },
    documents: describeDocuments(facts),
    flags: [],
  };
  return {
    candidateId: candidate.id,
    key,
    incoming,
    reading: { keywords: readingKeywords(context.vacancy), applicantName: candidate.name },
    already: candidate.messages.some((message) => message.key === key),
  };
}

/**
 * The record with a `link` entry for this message in its history, unless one is there already (a link run again
 * after it died midway records it once). Pure.
 */
export function withLinkHistory(record: CandidateRecord, key: string, at: string): CandidateRecord {
  const detail = `linked ${key}`;
  if (record.history.some((entry) => entry.action === 'link' && entry.detail.startsWith(detail)))
    return record;
  const message = record.messages.find((entry) => entry.key === key);
  const documents = record.documents.filter((document) => document.message === key).length;
  const from = message?.sender ? ` from ${message.sender}` : '';
  return withHistory(record, {
    at,
    action: 'link',
    by: 'operator',
    detail: `${detail}${from} with ${plural(documents, 'document')}`,
  });
}
