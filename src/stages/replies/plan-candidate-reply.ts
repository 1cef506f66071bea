import type { CandidateRecord, MessageRecord } from '../../candidates/candidate-record.ts';
import type { MailboxConfig, VacancyConfig } from '../../config/schema.ts';
import type { ReplyKind } from '../../domain/reply-kinds.ts';
import { candidateAsOf } from './candidate-as-of.ts';
import { planReply, type PlannedReply } from './plan-reply.ts';
import type { CallInput } from './call-context.ts';
import type { RegistrationStatus } from '../../calls/registration-status.ts';
import type { ReplyTemplates } from './render-reply.ts';

/** A candidate's reply of one kind to one of their messages, and where it is. */
export interface CandidateReplyScene {
  kind: ReplyKind;
  candidate: CandidateRecord;
  message: MessageRecord;
  vacancy: VacancyConfig;
  mailbox: MailboxConfig;
  /** The mailbox's vacancies, for the reply's list of open calls. */
  openVacancies: readonly VacancyConfig[];
  /** The candidate's topics and registration, and the time deadlines are counted from. */
  call?: CallInput;
  /** For a `decision`: the status it tells of. */
  status?: string;
}

/**
 * Reply-To (else From) of the applicant's own mail; a message merged into the candidate from someone else (a
 * referee answering in the applicant's thread) is answered to the applicant, never to that third party. Pure.
 */
export function replyRecipient(candidate: CandidateRecord, message: MessageRecord): string {
  if (message.sender !== '' && message.sender !== candidate.email) return candidate.email;
  return message.replyTo?.address ?? candidate.email;
}

/**
 * Plans a candidate's reply: it describes the application as of the message it answers, whatever has been merged
 * since ("complete" is about everything received: an earlier message may have been merged after a later one). Pure.
 */
export function planCandidateReply(scene: CandidateReplyScene, templates: ReplyTemplates): PlannedReply {
  const { kind, candidate, message, vacancy } = scene;
  const asOf =
    kind === 'complete' ? candidate : candidateAsOf(candidate, message, vacancy.documents.required);
  const recipient = replyRecipient(candidate, message);
  const answered =
    recipient === message.replyTo?.address
      ? message
      : { ...message, replyTo: { name: candidate.name, address: recipient } };
  return planReply(
    {
      kind,
      candidate: asOf,
      message: answered,
      vacancy,
      mailbox: scene.mailbox,
      openVacancies: scene.openVacancies,
      ...(scene.call ? { call: scene.call } : {}),
      ...(scene.status === undefined ? {} : { status: scene.status }),
    },
    templates,
  );
}

/** The call's part of a candidate's reply: the topics they wrote about and whether they registered. Pure. */
export function replyCallInput(
  candidate: Pick<CandidateRecord, 'messages'>,
  registration: RegistrationStatus,
  now: Date,
): CallInput {
  return {
    topics: [...new Set(candidate.messages.flatMap((entry) => entry.call?.topics ?? []))],
    registered: registration.status === 'read' ? registration.match.registered : null,
    now,
  };
}
