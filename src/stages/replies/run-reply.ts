import type { CandidateFlag } from '../../candidates/candidate-record.ts';
import { shortHash } from '../../domain/short-hash.ts';
import type { Config } from '../../config/schema.ts';
import { ledgerKind } from '../../domain/reply-kinds.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { CandidateRecords } from '../../ports/candidate-records.ts';
import type { LedgerKeys } from '../../ports/delivery-ports.ts';
import type { MailboxGateway } from '../../ports/mailbox-gateway.ts';
import { deliverReply, type DeliveryOutcome, type ReplyDeliveryPorts } from './deliver-reply.ts';
import {
  planCandidateReply,
  replyCallInput,
  replyRecipient,
  type CandidateReplyScene,
} from './plan-candidate-reply.ts';
import type { ReplyJob } from './reply-job.ts';
import type { ReplyTemplates } from './render-reply.ts';
import type { RegistrationLookup } from '../../ports/call-ports.ts';
import { refereeScene } from './referee-scene.ts';

/** What the reply stage uses. */
export interface ReplyStagePorts extends ReplyDeliveryPorts {
  config: Pick<Config, 'vacancies' | 'mailboxes'>;
  candidates: CandidateRecords;
  gateway: MailboxGateway;
  keys: LedgerKeys;
  /** Compiled templates by vacancy id (the vacancy's own folder first, then the defaults). */
  templates: ReadonlyMap<string, ReplyTemplates>;
  /** The vacancies' registration forms. */
  registrations: RegistrationLookup;
  logger: Logger;
}

/** The ledger key of a candidate's reply of one ledger kind (see ledgerKind): once per (vacancy, applicant, kind). */
export function candidateReplyLedgerKey(
  keys: Pick<LedgerKeys, 'replyLedger' | 'addressHash'>,
  vacancyId: string,
  email: string,
  kind: string,
): string {
  return keys.replyLedger(vacancyId, keys.addressHash(email), kind);
}

/** Where a candidate's ledger entry was kept before addresses were hashed with the installation's key. */
export function legacyReplyLedgerKey(
  keys: Pick<LedgerKeys, 'replyLedger'>,
  vacancyId: string,
  email: string,
  kind: string,
): string {
  return keys.replyLedger(vacancyId, shortHash(email), kind);
}

/** The reply stage: a candidate's acknowledgement (or closed, complete, receipt), delivered at most once. */
export async function runReply(
  ports: ReplyStagePorts,
  payload: ReplyJob,
  jobId: string,
): Promise<DeliveryOutcome> {
  const scene = await loadScene(ports, payload);
  if (!scene) return { sent: false, reason: 'candidate or message no longer known' };
  const { candidate, message, vacancy, mailbox } = scene;
  // A decision tells of the status the candidate has now: one given and taken back before the reply went is not told.
  if (payload.kind === 'decision' && candidate.decision?.status !== payload.status)
    return { sent: false, reason: 'the candidate no longer has this status' };
  const templates = ports.templates.get(vacancy.id);
  if (!templates) throw new TriageError('config-invalid', `no templates loaded for vacancy ${vacancy.id}`);
  const kind = ledgerKind(payload.kind, payload.status);
  return deliverReply(ports, {
    kind: payload.kind,
    ledgerKey: candidateReplyLedgerKey(ports.keys, vacancy.id, candidate.email, kind),
    legacyLedgerKey: legacyReplyLedgerKey(ports.keys, vacancy.id, candidate.email, kind),
    ttlMs: payload.kind === 'receipt' ? ports.replies.followUpWindowHours * 3600_000 : 0,
    recipient: replyRecipient(candidate, message),
    scope: vacancy.id,
    applicant: candidate.email,
    idSeed:
      payload.kind === 'receipt' || payload.kind === 'reference-receipt' ? payload.messageKey : undefined,
    noReply: message.noReply,
    mailbox,
    plan: () => planCandidateReply(scene, templates),
    record: async (entry) => {
      const flag: CandidateFlag | undefined =
        entry.status === 'failed'
          ? 'reply-failed'
          : entry.status === 'unconfirmed'
            ? 'reply-unconfirmed'
            : undefined;
      await ports.candidates.recordReply(
        candidate.id,
        { ...entry, kind, at: new Date().toISOString() },
        flag,
      );
    },
    // \Answered on the original, in the folder it was filed in: by the UID filing reported, else by Message-ID.
    answer: async () => {
      if (message.messageId || message.filedUid)
        await ports.gateway.markAnswered(mailbox, {
          folder: message.filedTo ?? mailbox.watch,
          messageId: message.messageId,
          filed: message.filedTo === null ? undefined : message.filedUid,
        });
    },
    logger: ports.logger.child({
      component: 'replies',
      job: jobId,
      candidate: candidate.id,
      kind: payload.kind,
    }),
    jobId,
  });
}

async function loadScene(ports: ReplyStagePorts, payload: ReplyJob): Promise<CandidateReplyScene | null> {
  const stored = await ports.candidates.get(payload.candidateId);
  // A referee's receipt is addressed to the referee, about their own letter (refereeScene).
  const scene =
    stored === null
      ? null
      : payload.kind === 'reference-receipt'
        ? refereeScene(stored, payload.messageKey)
        : { candidate: stored, message: stored.messages.find((entry) => entry.key === payload.messageKey) };
  const candidate = scene?.candidate;
  const message = scene?.message;
  const vacancy = ports.config.vacancies.find((entry) => entry.id === payload.vacancy);
  const mailbox = ports.config.mailboxes.find((entry) => entry.id === message?.mailbox);
  if (!candidate || !message || !vacancy || !mailbox) return null;
  if (payload.kind === 'reference-receipt')
    return { kind: payload.kind, candidate, message, vacancy, mailbox, openVacancies: [] };
  const openVacancies = ports.config.vacancies.filter((open) => open.mailbox === mailbox.id);
  const registration = await ports.registrations.lookup(vacancy, candidate);
  if (registration.status === 'error')
    ports.logger.warn(
      { vacancy: vacancy.id, error: registration.error },
      'registration form export unreadable',
    );
  const call = replyCallInput(candidate, registration, new Date());
  const status = payload.status === undefined ? {} : { status: payload.status };
  return { kind: payload.kind, candidate, message, vacancy, mailbox, openVacancies, call, ...status };
}
