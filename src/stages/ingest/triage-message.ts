import { openCallsOf, taggedVacanciesOf } from '../../config/call-kinds.ts';
import type { Config, MailboxConfig, VacancyConfig } from '../../config/schema.ts';
import type { DocumentKind } from '../../domain/document-kinds.ts';
import type { CandidateFlag } from '../../candidates/candidate-record.ts';
import { sanitizeFilename } from '../../domain/sanitize-filename.ts';
import type { DocumentFacts } from '../../documents/document-facts.ts';
import { missingKinds } from '../../domain/document-kinds.ts';
import { LOOP_MARKER_HEADER } from '../../domain/loop-marker.ts';
import type { FoundReplyToken } from '../../domain/reply-token.ts';
import { classifyMessage, type Classification } from './classify-message.ts';
import type { ColleagueVerdict } from '../enquiries/colleague-rule.ts';
import { recogniseEnquiry, type EnquiryRecognition } from '../enquiries/recognise-enquiry.ts';
import { containerReading } from '../../documents/container-reading.ts';
import { guessDocumentKind } from '../../documents/guess-document-kind.ts';
import type { MailAddress, MessageFacts } from '../../mail/message-facts.ts';
import { reviewNearMiss } from './review/review-near-miss.ts';
import type { NearMiss } from './review/recognise-near-miss.ts';
import { refereeVerdict } from './referees/referee-verdict.ts';
import type { RefereeRecognition } from './referees/recognise-referee.ts';

/** How the message's vacancy was found: its tag (exact or variant), the thread it replies to, or an open call's topics. */
export interface VacancyAssignment {
  id: string;
  title: string;
  match: 'exact' | 'variant' | 'thread' | 'topic' | 'near-miss';
  matched: string;
}

/** Everything decided about one message before any state is touched. */
export interface TriageResult {
  classification: Classification;
  vacancy: VacancyAssignment | null;
  applicant: MailAddress | null;
  documents: DocumentFacts[];
  missing: DocumentKind[];
  flags: CandidateFlag[];
  /** For untagged mail in a mailbox with open calls: whether it is an enquiry for one, and why. */
  enquiry: EnquiryRecognition | null;
  /** For untagged mail that looks like an application: the vacancy it is probably for, and why (kind `review`). */
  nearMiss: NearMiss | null;
  /** For a tagged, threaded or untagged mail: whether it is a referee's, and why (null: not weighed). */
  referee: RefereeRecognition | null;
}

/** What the pure triage needs besides the message: configuration, own addresses, and known threads. */
export interface TriageContext {
  config: Pick<Config, 'vacancies'>;
  mailbox: Pick<MailboxConfig, 'id'>;
  ownAddresses: ReadonlySet<string>;
  /** The vacancy of an earlier application this message replies to (from In-Reply-To/References), if any. */
  threadVacancy: string | null;
  receivedAt: string;
  /** A reply token in the sender's own text, verified or not (see findReplyToken). */
  replyToken?: FoundReplyToken | null;
  /** The sender's own text, where an open call's enquiry is recognised. */
  text?: string;
  /** The body as text for classification (bodyText: an HTML-only body's text too); absent: `text`. */
  bodyText?: string;
  /** Why the sender is a colleague (colleagueRule): never an enquirer. */
  colleague?: ColleagueVerdict | null;
  /** The open calls' terms found in the attached documents (see recogniseEnquiry); null: not read. */
  documentTerms?: readonly string[] | null;
  /** The attachments as read while planning (kinds from their content): what a near miss is judged on; null: not read. */
  documentsRead?: readonly DocumentFacts[] | null;
}

/** Classifies a message, assigns its vacancy, and describes its applicant and documents. Pure. */
export function triageMessage(facts: MessageFacts, context: TriageContext): TriageResult {
  const vacancies = context.config.vacancies.filter((vacancy) => vacancy.mailbox === context.mailbox.id);
  let classification = classifyMessage(facts, {
    ownAddresses: context.ownAddresses,
    loopMarkerHeader: LOOP_MARKER_HEADER,
    vacancies: taggedVacanciesOf(vacancies, context.mailbox.id),
    replyToken: context.replyToken ?? null,
    text: context.bodyText ?? context.text ?? '',
  });
  let vacancy = assignVacancy(classification, vacancies);
  const threadVacancy = vacancies.find((candidate) => candidate.id === context.threadVacancy);
  if (classification.kind === 'untagged' && threadVacancy) {
    // An untagged reply in the thread of a known application is that applicant's follow-up.
    classification = {
      ...classification,
      kind: 'application',
      rule: 'thread',
      detail: 'replies to a filed application',
    };
    vacancy = { id: threadVacancy.id, title: threadVacancy.title, match: 'thread', matched: '' };
  }
  const referee = refereeVerdict(facts, classification, context);
  if (referee?.recognition.referee) {
    const documents = describeDocuments(facts);
    // The vacancy of a referee's mail: its tag or its thread, else the candidate it is linked to, later.
    const known = vacancy ?? null;
    return {
      classification: { ...classification, kind: 'reference', rule: 'referee', detail: referee.detail },
      vacancy: known,
      applicant: null,
      documents,
      missing: [],
      flags: [],
      enquiry: null,
      nearMiss: null,
      referee: referee.recognition,
    };
  }
  const enquiry = classification.kind === 'untagged' ? recogniseCall(facts, vacancies, context) : null;
  if (enquiry?.status === 'enquiry') {
    const call = vacancies.find((candidate) => candidate.id === enquiry.callId);
    classification = {
      ...classification,
      kind: 'application',
      rule: 'open-call',
      detail: enquiry.evidence.join('; '),
    };
    vacancy = {
      id: enquiry.callId,
      title: call?.title ?? '',
      match: 'topic',
      matched: [...enquiry.topics, ...enquiry.programmes].join(', '),
    };
  } else if (enquiry !== null) {
    const unread =
      enquiry.status === 'needs-documents' ? ['the attached documents, which decide, were not read'] : [];
    classification = {
      ...classification,
      rule:
        enquiry.status === 'not-enquiry' && enquiry.rule === 'colleague' ? 'colleague' : classification.rule,
      detail: `${classification.detail}; not an open call's enquiry: ${[...enquiry.evidence, ...unread].join('; ')}`,
    };
  }
  const documents = describeDocuments(facts);
  const review = reviewNearMiss(facts, classification, {
    vacancies: taggedVacanciesOf(vacancies, context.mailbox.id),
    text: context.text || (context.bodyText ?? ''),
    documents: withReadKinds(documents, context.documentsRead ?? null),
    enquiry,
    colleague: context.colleague ?? null,
    openCalls: openCallsOf(vacancies, context.mailbox.id).length > 0,
  });
  if (review !== null) ({ classification, vacancy } = review);
  const nearMiss = review?.nearMiss ?? null;
  if ((classification.kind !== 'application' && classification.kind !== 'review') || vacancy === null) {
    return {
      classification,
      vacancy: null,
      applicant: facts.from,
      documents: [],
      missing: [],
      flags: [],
      enquiry,
      nearMiss,
      referee: referee?.recognition ?? null,
    };
  }
  const config = vacancies.find((candidate) => candidate.id === vacancy.id);
  return {
    classification,
    vacancy,
    applicant: facts.from,
    documents,
    missing: missingKinds(config?.documents.required ?? [], documents),
    flags: messageFlags(facts, vacancy, config, context.receivedAt),
    enquiry,
    nearMiss,
    referee: referee?.recognition ?? null,
  };
}

/**
 * An untagged message against the mailbox's open calls (null when it has none): a colleague is reported even when
 * there are none, since the enquiry reply for tagged vacancies is held back for one as well.
 */
function recogniseCall(
  facts: MessageFacts,
  vacancies: readonly VacancyConfig[],
  context: TriageContext,
): EnquiryRecognition | null {
  const calls = openCallsOf(vacancies, context.mailbox.id);
  const colleague = context.colleague ?? null;
  if (calls.length === 0 && colleague === null) return null;
  const recognition = recogniseEnquiry(facts.subject, context.text ?? '', {
    calls,
    colleague,
    documentTerms: context.documentTerms ?? null,
    hasDocuments: facts.attachments.some((attachment) => !attachment.inline),
  });
  return calls.length === 0 && recognition.status !== 'not-enquiry' ? null : recognition;
}

/** The documents with the kinds their reading decided, where they were read (and marked so). */
function withReadKinds(
  documents: readonly DocumentFacts[],
  read: readonly DocumentFacts[] | null,
): Array<DocumentFacts & { read?: true }> {
  if (read === null) return [...documents];
  return documents.map((document) => {
    const found = read.find((entry) => entry.index === document.index && entry.reading !== null);
    return found ? { ...document, kind: found.kind, read: true as const } : document;
  });
}

function assignVacancy(
  classification: Classification,
  vacancies: readonly VacancyConfig[],
): VacancyAssignment | null {
  const match = classification.match;
  if (match === null) return null;
  const vacancy = vacancies.find((candidate) => candidate.id === match.vacancyId);
  return vacancy ? { id: vacancy.id, title: vacancy.title, match: match.kind, matched: match.matched } : null;
}

/**
 * The message's attachments as documents (inline images and unpacked containers aside: a container's files are
 * documents of their own, knowing where they came from), their kinds guessed from name and type. A container kept
 * whole comes with its reading already (see containerReading). Pure.
 */
export function describeDocuments(facts: MessageFacts): DocumentFacts[] {
  return facts.attachments
    .map((attachment, index) => ({ attachment, index }))
    .filter(({ attachment }) => !(attachment.inline && attachment.contentType.startsWith('image/')))
    .filter(({ attachment }) => attachment.container?.status !== 'unpacked')
    .map(({ attachment, index }) => {
      const filename = attachment.filename ?? `attachment-${index + 1}`;
      return {
        index,
        filename,
        safeName: sanitizeFilename(filename),
        within: attachment.within,
        kind: guessDocumentKind(attachment.filename, attachment.contentType),
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: attachment.sha256,
        reading: containerReading(attachment.container, attachment),
      };
    });
}

function messageFlags(
  facts: MessageFacts,
  vacancy: VacancyAssignment,
  config: VacancyConfig | undefined,
  receivedAt: string,
): CandidateFlag[] {
  const flags: CandidateFlag[] = [];
  if (vacancy.match === 'variant') flags.push('tag-variant');
  if (config?.deadline !== undefined && Date.parse(receivedAt) > Date.parse(config.deadline))
    flags.push('late');
  if (facts.headersOnly) flags.push('oversize-message');
  return flags;
}
