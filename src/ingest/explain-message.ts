import { buildCandidateProfile, type CandidateProfileView } from '../candidates/candidate-profile.ts';
import type { ExtractionRecord } from '../candidates/document-record-schemas.ts';
import { mergeCandidate } from '../candidates/merge-candidate.ts';
import type { Config, DocumentKind } from '../config/schema.ts';
import type { DocumentProfile } from '../profile/profile-types.ts';
import { checkReplyAllowed } from '../replies/check-reply-allowed.ts';
import { planReply } from '../replies/plan-reply.ts';
import type { ReplyTemplates } from '../replies/reply-templates.ts';
import type { MessageFacts } from './message-facts.ts';
import { ownAddresses } from './own-addresses.ts';
import { missingKinds, triageMessage, type DocumentFacts, type TriageResult } from './triage-message.ts';

/** The `explain` answer: what the daemon would do with one message (JSON shape of the public CLI). */
export interface Explanation {
  classification: { kind: string; rule: string; detail: string };
  vacancy: TriageResult['vacancy'];
  applicant: { name: string; email: string } | null;
  documents: ExplainedDocument[];
  missing: DocumentKind[];
  flags: string[];
  /** What the documents and the mail say about the applicant; null when the message is not an application. */
  profile: CandidateProfileView | null;
  reply: { send: boolean; reason: string; to: string | null; subject: string | null; text: string | null };
}

/** A document, its kind and why; `extraction` is null when it was not read. */
export interface ExplainedDocument {
  filename: string;
  kind: DocumentKind;
  kindSource: 'content' | 'filename' | 'none';
  evidence: string[];
  extraction: ExtractionRecord | null;
}

/** A message's documents after reading them (see readDocuments), and what its own text said. */
export interface ReadMessage {
  documents: DocumentFacts[];
  bodyProfile: DocumentProfile | null;
}

/**
 * Explains the triage of one message offline, as if it were the applicant's first (no Redis, IMAP or SMTP: no
 * thread history, bounce list or reply counts). With `read` (the documents as read), kinds come from content and
 * the profile is filled in; without it, kinds come from file names. Pure.
 */
export function explainMessage(
  facts: MessageFacts,
  config: Config,
  mailboxId: string,
  templates: ReadonlyMap<string, ReplyTemplates>,
  read?: ReadMessage,
): Explanation {
  const own = ownAddresses(config);
  const triaged = triageMessage(facts, {
    config,
    mailbox: { id: mailboxId },
    ownAddresses: own,
    threadVacancy: null,
    receivedAt: facts.date ?? new Date().toISOString(),
  });
  const vacancy = config.vacancies.find((entry) => entry.id === triaged.vacancy?.id);
  const result =
    read && vacancy
      ? {
          ...triaged,
          documents: read.documents,
          missing: missingKinds(vacancy.documents.required, read.documents),
        }
      : triaged;
  const { classification } = result;
  const candidate =
    vacancy && result.applicant && classification.kind === 'application'
      ? explainCandidate(facts, result, vacancy.id, vacancy.documents.required, read?.bodyProfile ?? null)
      : null;
  return {
    classification: { kind: classification.kind, rule: classification.rule, detail: classification.detail },
    vacancy: result.vacancy,
    applicant: result.applicant ? { name: result.applicant.name, email: result.applicant.address } : null,
    documents: result.documents.map((document) => ({
      filename: document.filename,
      kind: document.kind,
      kindSource: document.reading?.kindSource ?? 'filename',
      evidence: document.reading?.evidence ?? [],
      extraction: document.reading?.extraction ?? null,
    })),
    missing: result.missing,
    flags: candidate?.flags ?? result.flags,
    profile: candidate ? buildCandidateProfile(candidate) : null,
    reply: explainReply(facts, result, config, mailboxId, own, templates),
  };
}

// The candidate this message would create: the merge adds the document flags (unreadable, hidden text, name).
function explainCandidate(
  facts: MessageFacts,
  result: TriageResult,
  vacancy: string,
  required: readonly DocumentKind[],
  bodyProfile: DocumentProfile | null,
) {
  const applicant = result.applicant ?? { name: '', address: '' };
  const receivedAt = facts.date ?? new Date(0).toISOString();
  const { record } = mergeCandidate(
    null,
    { id: 'explain', vacancy, required },
    {
      message: {
        key: facts.messageId ?? 'explain',
        messageId: facts.messageId,
        subject: facts.subject,
        receivedAt,
        mailbox: '',
        uidValidity: '',
        uid: 0,
        match: result.vacancy?.match ?? 'exact',
        sender: applicant.address,
        replyTo: facts.replyTo[0] ?? facts.from,
        references: [],
        noReply: null,
        bodyProfile,
      },
      applicant,
      documents: result.documents,
      flags: result.flags,
    },
  );
  return record;
}

function explainReply(
  facts: MessageFacts,
  result: TriageResult,
  config: Config,
  mailboxId: string,
  own: ReadonlySet<string>,
  templates: ReadonlyMap<string, ReplyTemplates>,
): Explanation['reply'] {
  const none = (reason: string) => ({ send: false, reason, to: null, subject: null, text: null });
  const { classification } = result;
  const vacancy = config.vacancies.find((entry) => entry.id === result.vacancy?.id);
  const mailbox = config.mailboxes.find((entry) => entry.id === mailboxId);
  const vacancyTemplates = vacancy ? templates.get(vacancy.id) : undefined;
  if (classification.kind !== 'application' || !vacancy || !mailbox || !vacancyTemplates) {
    return none(
      `not an application (${classification.kind}: ${classification.rule} — ${classification.detail})`,
    );
  }
  const replyTo = facts.replyTo[0] ?? facts.from;
  const permission = checkReplyAllowed(
    {
      recipient: replyTo?.address ?? null,
      noReply: classification.replySuppressed,
      ownAddresses: own,
      bounced: false,
      recentReplies: 0,
    },
    config.replies,
  );
  if (!permission.allowed) return none(`${permission.rule}: ${permission.detail}`);
  const kind = result.flags.includes('late') ? 'closed' : 'acknowledgement';
  const planned = planReply(
    {
      kind,
      candidate: {
        name: result.applicant?.name ?? '',
        email: result.applicant?.address ?? '',
        documents: result.documents,
        missing: result.missing,
      },
      message: {
        messageId: facts.messageId,
        subject: facts.subject,
        references: facts.references,
        replyTo: replyTo ?? null,
      },
      vacancy,
      mailbox,
      openVacancies: config.vacancies.filter((entry) => entry.mailbox === mailboxId),
    },
    vacancyTemplates,
  );
  return { send: true, reason: kind, to: planned.to.address, subject: planned.subject, text: planned.text };
}
