import type { VacancyConfig } from '../../../config/schema.ts';
import type { DocumentFacts } from '../../../documents/document-facts.ts';
import type { MessageFacts } from '../../../mail/message-facts.ts';
import type { Classification } from '../classify-message.ts';
import type { ColleagueVerdict } from '../../enquiries/colleague-rule.ts';
import type { EnquiryRecognition } from '../../enquiries/recognise-enquiry.ts';
import { recogniseNearMiss, type NearMiss } from './recognise-near-miss.ts';

/** What deciding a near miss reads besides the message. */
export interface ReviewContext {
  /** The mailbox's tagged vacancies. */
  vacancies: readonly (VacancyConfig & { tag: string })[];
  /** The sender's own text. */
  text: string;
  documents: readonly (DocumentFacts & { read?: true })[];
  /** What the open calls made of it: an enquiry keeps that handling. */
  enquiry: EnquiryRecognition | null;
  /** A colleague's mail is never a review item. */
  colleague: ColleagueVerdict | null;
  /** The mailbox has open calls: untagged mail without a tag-like word is theirs. */
  openCalls: boolean;
}

/**
 * Untagged mail that looks like an application for a tagged vacancy (recogniseNearMiss) as a `review` item with
 * the vacancy it is probably for; null for anything else: mail already classified (application, automatic, list,
 * spam, own), a colleague's, and an open call's enquiry. Pure.
 */
export function reviewNearMiss(
  facts: MessageFacts,
  classification: Classification,
  context: ReviewContext,
): {
  classification: Classification;
  vacancy: { id: string; title: string; match: 'near-miss'; matched: string };
  nearMiss: NearMiss;
} | null {
  if (classification.kind !== 'untagged' || context.colleague !== null) return null;
  // An open call's enquiry keeps that handling; one waiting for its documents is held for review meanwhile (only
  // a tag-like word makes a near miss where open calls take untagged mail), and its documents decide.
  if (context.enquiry?.status === 'enquiry') return null;
  const nearMiss = recogniseNearMiss(facts.subject, {
    text: context.text,
    documents: context.documents,
    vacancies: context.vacancies,
    missingTagCounts: !context.openCalls,
  });
  const vacancy = context.vacancies.find((entry) => entry.id === nearMiss?.vacancyId);
  if (nearMiss === null || vacancy === undefined) return null;
  return {
    classification: {
      ...classification,
      kind: 'review',
      rule: 'near-miss',
      detail: `${nearMiss.reason.replace('-', ' ')} for vacancy ${vacancy.id}: ${nearMiss.evidence.join('; ')}`,
    },
    vacancy: { id: vacancy.id, title: vacancy.title, match: 'near-miss', matched: nearMiss.matched },
    nearMiss,
  };
}
