import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { CandidateRecord, MessageRecord } from '../../candidates/candidate-record.ts';
import type { MailboxConfig, VacancyConfig } from '../../config/schema.ts';
import { buildReplyContext, DOCUMENT_WORDING, renderReply } from './render-reply.ts';
import { buildCallView, buildRegistrationView, type CallInput } from './call-context.ts';
import { describeDeadline } from '../../calls/deadline-text.ts';
import type { ReplyTemplates } from './render-reply.ts';
import { REPLY_MARKER_HEADERS, replySubject } from './reply-headers.ts';
import { echoName } from '../../output/echo-name.ts';
import { messageIdText } from '../../output/message-id-text.ts';
import type { ReplyKind } from '../../domain/reply-kinds.ts';

/** A reply as it will be composed: the recipient, threading, marker headers and the rendered bodies. */
export interface PlannedReply {
  kind: ReplyKind;
  from: string;
  to: { name: string; address: string };
  subject: string;
  inReplyTo: string | null;
  references: string[];
  headers: Readonly<Record<string, string>>;
  text: string;
  html: string;
}

/** What a reply is about. */
export interface ReplySubjectMatter {
  kind: ReplyKind;
  candidate: Pick<CandidateRecord, 'name' | 'email' | 'missing'> & {
    documents: ReadonlyArray<Pick<CandidateRecord['documents'][number], 'kind' | 'filename'>>;
  };
  message: Pick<MessageRecord, 'messageId' | 'subject' | 'references' | 'replyTo'>;
  vacancy: VacancyConfig;
  mailbox: MailboxConfig;
  /** The vacancies of the mailbox still open, for the enquiry reply. */
  openVacancies: readonly VacancyConfig[];
  /** The enquirer's topics, the candidate's registration, and the time deadlines are counted from. */
  call?: CallInput;
  /** For a `decision`: the status it tells of (its template is `decision-<status>`). */
  status?: string;
}

// References kept from the original: its first (the thread's root) and the latest ones (RFC 5322 3.6.4).
const MAX_REFERENCES = 20;

/**
 * Plans the reply to one message: to Reply-To (else From), threaded under it (`Re:`, In-Reply-To, References),
 * from the mailbox's `from`, marked as an automatic reply. Of the sender's words only a name that looks like one
 * (echoName) and a subject that looks like one (replySubject) are echoed; Message-IDs only well-formed ones. Pure.
 */
export function planReply(matter: ReplySubjectMatter, templates: ReplyTemplates): PlannedReply {
  const { candidate, message, vacancy, mailbox } = matter;
  const call = matter.call ?? { topics: [], registered: null, now: new Date() };
  const recipient = message.replyTo ?? { name: candidate.name, address: candidate.email };
  const context = buildReplyContext({
    applicantName: candidate.name || recipient.name,
    applicantEmail: recipient.address,
    vacancy: {
      id: vacancy.id,
      title: vacancy.title,
      tag: vacancy.tag ?? null,
      deadline: vacancy.deadline ?? null,
      deadlineText: deadlineText(vacancy, call.now),
    },
    received: candidate.documents.map((document) => ({ kind: document.kind, filename: document.filename })),
    missing: candidate.missing,
    openVacancies: matter.openVacancies.flatMap((open) =>
      open.tag === undefined
        ? []
        : [
            {
              title: open.title,
              tag: open.tag,
              deadline: open.deadline ?? null,
              deadlineText: deadlineText(open, call.now),
            },
          ],
    ),
    call: buildCallView(vacancy, call, (kind) => DOCUMENT_WORDING[kind].label),
    registration: buildRegistrationView(vacancy, call.registered),
    signature: signatureOf(mailbox.from),
  });
  const rendered = renderReply(templates, matter.kind, context, matter.status);
  const inReplyTo = messageIdText(message.messageId);
  return {
    kind: matter.kind,
    from: mailbox.from,
    to: { name: echoName(recipient.name), address: recipient.address },
    subject: replySubject(message.subject),
    inReplyTo,
    references: threadReferences(message.references, inReplyTo),
    headers: REPLY_MARKER_HEADERS,
    text: rendered.text,
    html: rendered.html,
  };
}

/** The original's well-formed References (its first and latest, at most 20), else its own Message-ID. */
function threadReferences(references: readonly string[], messageId: string | null): string[] {
  const valid = references.flatMap((reference) => messageIdText(reference) ?? []);
  if (valid.length === 0) return messageId ? [messageId] : [];
  if (valid.length <= MAX_REFERENCES) return valid;
  return [...valid.slice(0, 1), ...valid.slice(1 - MAX_REFERENCES)];
}

/** The display name of the mailbox's From (`"Dr Chen" <chen@…>` → `Dr Chen`), else its address. */
export function signatureOf(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  return first?.name || first?.address || from;
}

/**
 * The planned reply addressed to exactly `recipient`, the address the rules were checked for, whatever the plan's
 * headers would suggest (the display name is kept only when it belongs to that address). Pure.
 */
export function readdressReply(planned: PlannedReply, recipient: string): PlannedReply {
  const name = planned.to.address === recipient ? planned.to.name : '';
  return { ...planned, to: { name, address: recipient } };
}

/** A vacancy's deadline in its own time zone ("12:00 midday UK time, Wednesday 2 December 2026"); '' without one. */
function deadlineText(
  vacancy: Pick<VacancyConfig, 'deadline' | 'timezone' | 'timezoneName'>,
  now: Date,
): string {
  if (vacancy.deadline === undefined || vacancy.timezone === undefined) return '';
  return describeDeadline(vacancy.deadline, {
    timeZone: vacancy.timezone,
    zoneName: vacancy.timezoneName,
    now,
  }).when;
}
