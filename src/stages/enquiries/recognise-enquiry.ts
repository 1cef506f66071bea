import type { VacancyConfig } from '../../config/schema.ts';
import type { ColleagueVerdict } from './colleague-rule.ts';
import { describeCallEvidence, matchOpenCall, type OpenCallTerms } from './match-open-call.ts';
import { findStudyIntent } from './study-intent.ts';

/** What became of an untagged message with respect to the mailbox's open calls, with the evidence. */
export type EnquiryRecognition =
  | { status: 'enquiry'; callId: string; topics: string[]; programmes: string[]; evidence: string[] }
  /** Study intent, no topic or programme in the text, and attachments: their reading decides (documentTerms). */
  | { status: 'needs-documents'; evidence: string[] }
  | { status: 'not-enquiry'; rule: 'colleague' | 'no-study-intent' | 'no-topic'; evidence: string[] };

/** What recognising an enquiry needs besides the message. */
export interface EnquiryContext {
  /** The mailbox's open calls (vacancies without a tag). */
  calls: readonly VacancyConfig[];
  /** Why the sender is a colleague (colleagueRule), or null. */
  colleague: ColleagueVerdict | null;
  /** The terms (documentTermsOf) found in the attached documents; null while they have not been read. */
  documentTerms: readonly string[] | null;
  /** Whether the message has attachments a reader could look into. */
  hasDocuments: boolean;
}

/** An open call as the matcher sees it. */
export function callTerms(call: VacancyConfig): OpenCallTerms {
  return {
    id: call.id,
    topics: call.topics.map((topic) => ({ phrase: topic.phrase, synonyms: topic.synonyms })),
    programmes: call.programmes.map((programme) => ({ name: programme.name, aliases: programme.aliases })),
  };
}

/**
 * Whether an untagged message is an enquiry for one of the mailbox's open calls: a person (never a colleague)
 * writing with study intent about one of its topics or programmes, in the subject, own text or attached
 * documents. Every outcome names its evidence. Pure.
 */
export function recogniseEnquiry(subject: string, text: string, context: EnquiryContext): EnquiryRecognition {
  if (context.colleague !== null)
    return {
      status: 'not-enquiry',
      rule: 'colleague',
      evidence: [`sender is a colleague (${context.colleague.rule}): ${context.colleague.detail}`],
    };
  const intent = findStudyIntent(subject, text);
  if (intent === null)
    return {
      status: 'not-enquiry',
      rule: 'no-study-intent',
      evidence: ['no study intent (PhD, DPhil, doctoral, supervision…) in the subject or own text'],
    };
  const intentLine = `study intent in ${intent.place}: "${intent.quote}"`;
  const terms = context.calls.map(callTerms);
  const match = matchOpenCall(subject, text, terms, context.documentTerms ?? []);
  if (match !== null)
    return {
      status: 'enquiry',
      callId: match.callId,
      topics: match.topics,
      programmes: match.programmes,
      evidence: [intentLine, ...describeCallEvidence(match.evidence)],
    };
  if (context.documentTerms === null && context.hasDocuments)
    return { status: 'needs-documents', evidence: [intentLine] };
  const where =
    context.documentTerms === null ? 'the subject or own text' : 'the subject, own text or documents';
  return {
    status: 'not-enquiry',
    rule: 'no-topic',
    evidence: [intentLine, `no topic or programme of an open call in ${where}`],
  };
}
