import { applyReadings, unreadDocuments } from '../candidates/apply-readings.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { isInReview } from '../candidates/review-state.ts';
import { ownAddresses } from '../config/own-addresses.ts';
import type { Config, MailboxConfig } from '../config/schema.ts';
import type { DocumentFacts } from '../documents/document-facts.ts';
import type { DocumentReader } from '../documents/read-documents.ts';
import type { ParsedMessage } from '../mail/parse-message.ts';
import { replyKeyFromSecret } from '../domain/reply-token.ts';
import type { DeliveryLedger, LedgerKeys, ReplyGuardStore, SentReplyLog } from '../ports/delivery-ports.ts';
import { planAssessReply } from '../stages/assess/plan-assess.ts';
import { planEnquiryReply } from '../stages/enquiries/plan-enquiry.ts';
import { enquiryLedgerKey } from '../stages/enquiries/run-enquiry.ts';
import { planIngest, type IngestPlan, type PlannedApplication } from '../stages/ingest/plan-ingest.ts';
import { readApplication } from '../stages/ingest/read-message.ts';
import { planMessage } from '../stages/ingest/plan-message.ts';
import type { RegistrationLookup, SentRecipients } from '../ports/call-ports.ts';
import { verifyBounce, type BounceClaim } from '../stages/replies/bounce-suppression.ts';
import { checkReplyAllowed, type ReplyCircumstances } from '../stages/replies/check-reply-allowed.ts';
import { candidateReplyLedgerKey } from '../stages/replies/run-reply.ts';
import {
  planCandidateReply,
  replyCallInput,
  replyRecipient,
} from '../stages/replies/plan-candidate-reply.ts';
import { readdressReply, type PlannedReply } from '../stages/replies/plan-reply.ts';
import type { ReplyTemplates } from '../stages/replies/render-reply.ts';
import { ExplainCandidates, type CandidateHistory } from './explain-candidates.ts';
import { signedReplyText } from './signed-reply-text.ts';
import { toExplanation, type ExplainedBounce, type Explanation } from './explanation.ts';
import { explainReference } from './explain-reference.ts';

/** What a dry run reads: configuration and templates, and optionally the documents and the daemon's history. */
export interface ExplainPorts {
  config: Config;
  mailboxId: string;
  templates: ReadonlyMap<string, ReplyTemplates>;
  /** Reads the documents as the daemon does; null: kinds from file names only, no profile from content. */
  reader: DocumentReader | null;
  /** The daemon's candidates (`explain --history`), read only; null: the message is the applicant's first. */
  history: CandidateHistory | null;
  /** The daemon's bounce list (and recipient bindings), read only; null: no address has bounced. */
  guards: (Pick<ReplyGuardStore, 'isBounced'> & Partial<Pick<ReplyGuardStore, 'recipientTaken'>>) | null;
  /** The daemon's record of whom its replies went to, read only; absent: a bounce is not checked against it. */
  sentReplies?: Pick<SentReplyLog, 'recipientsOf' | 'identify'> | null;
  /** Whom each mailbox wrote to (`--history`), read only; absent: no sender is a colleague by the Sent folder. */
  sentRecipients?: SentRecipients | null;
  /** The vacancies' registration forms; absent: none is read. */
  registrations?: RegistrationLookup | null;
  /** The key of our replies' body tokens; absent: derived from `security.secret`, else none can be verified. */
  replyKey?: Buffer | null;
  /** The reply ledger's key names (under the configured prefix): replies' Message-IDs derive from them. */
  ledgerKeys?: Pick<LedgerKeys, 'replyLedger' | 'addressHash'>;
  /** The daemon's reply ledger, read only; null: nothing has been sent yet. */
  sent: {
    keys: Pick<LedgerKeys, 'replyLedger' | 'addressHash'>;
    ledger: Pick<DeliveryLedger, 'read'>;
  } | null;
}

/**
 * Explains what the daemon would do with one message, by running the daemon's own plans on it — the ingest plan,
 * the candidate merge, document reading, the assess stage's reply choice and the reply stage's plan and rules —
 * over in-memory candidate records (over the daemon's, read only, with `history`). Nothing is written anywhere. The
 * per-address reply window is not counted.
 */
export async function explainMessage(parsed: ParsedMessage, ports: ExplainPorts): Promise<Explanation> {
  const { config } = ports;
  const own = ownAddresses(config);
  const candidates = new ExplainCandidates(ports.history);
  const { facts } = parsed;
  const receivedAt = facts.date ?? new Date().toISOString();
  const mailbox = config.mailboxes.find((entry) => entry.id === ports.mailboxId);
  const context = {
    config,
    ownAddresses: own,
    replyKey: replyKeyOf(ports),
    thread: await candidates.findByThread([facts.inReplyTo, ...facts.references].filter((id) => id !== null)),
    location: { uidValidity: '', uid: 0 },
    receivedAt,
  };
  const plan = mailbox
    ? await planMessage(
        parsed,
        { ...context, mailbox },
        {
          config,
          sentRecipients: ports.sentRecipients ?? null,
          unreadSent: 'assume-read',
          reader: ports.reader,
        },
      )
    : planIngest(parsed, { ...context, mailbox: { id: ports.mailboxId } });
  const bounce = plan.bounce ? await explainBounce(plan.bounce, ports) : null;
  const recipientRule = { rule: plan.recipient.rule, detail: plan.recipient.detail };
  if (plan.reference !== null) {
    const reference = await explainReference(plan.reference, context.thread, ports);
    return {
      ...toExplanation(plan, null, plan.triage.documents, reference.reply, bounce),
      reference: reference.explained,
    };
  }
  if (plan.application === null || !mailbox) {
    const enquiry = mailbox ? await explainEnquiry(plan, mailbox, ports, own) : null;
    const reply = enquiry ? { ...enquiry, recipientRule } : notAnApplication(plan);
    return toExplanation(plan, null, plan.triage.documents, reply, bounce);
  }
  const application = plan.application;
  const { record, documents } = await recordApplication(candidates, plan.key, parsed, application, ports);
  const filed = (await candidates.markFiled(record.id, plan.key, '')) ?? record;
  const reply = await explainCandidateReply(filed, plan.key, application, mailbox, ports, own);
  return toExplanation(plan, filed, documents, { ...reply, recipientRule }, bounce);
}

// Whom the bounce suppresses, as the ingest stage decides it: only with the daemon's sent-reply record.
async function explainBounce(claim: BounceClaim, ports: ExplainPorts): Promise<ExplainedBounce> {
  const { failedRecipients, references } = claim;
  if (!ports.sentReplies || references.length === 0 || failedRecipients.length === 0) {
    const verdict = verifyBounce(claim, new Map());
    if (references.length === 0 || failedRecipients.length === 0) return { ...claim, ...verdict };
    const reason =
      'not checked (explain reads the sent-reply record only with --history): suppresses only those of the ' +
      'failed recipients that a reply it names was really sent to';
    return { ...claim, suppress: [], reason };
  }
  const sent = ports.sentReplies;
  const recipients = await sent.recipientsOf(references);
  return { ...claim, ...verifyBounce(claim, recipients, (address) => sent.identify(address)) };
}

// The ingest stage's merge and reading, as recordApplication in run-ingest does it.
async function recordApplication(
  candidates: ExplainCandidates,
  key: string,
  parsed: ParsedMessage,
  application: PlannedApplication,
  ports: ExplainPorts,
): Promise<{ record: CandidateRecord; documents: DocumentFacts[] }> {
  const { vacancy, incoming } = application;
  const required = vacancy.documents.required;
  const merged = await candidates.upsert(
    { id: vacancy.id, required },
    incoming,
    application.threadCandidateId,
  );
  if (ports.reader === null) return { record: merged.record, documents: incoming.documents };
  const unread = unreadDocuments(merged.record, key, incoming.documents);
  const read = await readApplication(ports.reader, unread, parsed, application, ports.config.extraction);
  const record =
    (await candidates.update(merged.record.id, (current) =>
      applyReadings(current, key, read.documents, read.bodyProfile, required),
    )) ?? merged.record;
  // A file the candidate sent before is not recorded again: it is shown as the record has it.
  const bySha = new Map(record.documents.map((document) => [document.sha256, document]));
  const documents = incoming.documents.map((document) => {
    const recorded = bySha.get(document.sha256);
    return recorded ? { ...document, kind: recorded.kind, reading: recorded.reading } : document;
  });
  return { record, documents };
}

/** The reply an explanation shows: sent (with its text) or not, and why. */
export type ExplainedReply = Explanation['reply'];

const none = (reason: string): ExplainedReply => ({
  send: false,
  reason,
  to: null,
  subject: null,
  text: null,
});

function notAnApplication(plan: IngestPlan): ExplainedReply {
  const { kind, rule, detail } = plan.triage.classification;
  return none(`not an application (${kind}: ${rule} — ${detail})`);
}

// The assess stage's choice of reply, then the reply stage's plan and rules (without the per-address window).
async function explainCandidateReply(
  candidate: CandidateRecord,
  key: string,
  application: PlannedApplication,
  mailbox: MailboxConfig,
  ports: ExplainPorts,
  own: ReadonlySet<string>,
): Promise<ExplainedReply> {
  const { vacancy } = application;
  const job = planAssessReply(candidate, key, vacancy, ports.config.replies);
  if (job === null)
    return none(
      isInReview(candidate)
        ? 'no reply: a review item (its tag nearly matched) gets no acknowledgement'
        : candidate.messages.find((entry) => entry.key === key)?.question !== undefined
          ? 'no reply: a question waits for your own answer (the digest lists it under "waiting for your answer")'
          : vacancy.tag === undefined
            ? vacancy.answerEnquiries
              ? 'no reply: an enquirer gets one information reply, to their first message'
              : 'no reply: the open call does not answer enquiries (answerEnquiries is off)'
            : 'no reply: a follow-up that completes nothing (receipts are off)',
    );
  const templates = ports.templates.get(vacancy.id);
  const message = candidate.messages.find((entry) => entry.key === key);
  if (!templates || !message) return none(`no reply: no templates for vacancy ${vacancy.id}`);
  const recipient = replyRecipient(candidate, message);
  const ledgerKey = (keys: Pick<LedgerKeys, 'replyLedger' | 'addressHash'>) =>
    candidateReplyLedgerKey(keys, vacancy.id, candidate.email, job.kind);
  const binding = { scope: vacancy.id, applicant: candidate.email };
  const blocked =
    (await alreadyDecided(ports, ledgerKey)) ??
    (await permissionProblem(ports, own, { recipient, noReply: message.noReply }, binding));
  if (blocked) return blocked;
  const openVacancies = ports.config.vacancies.filter((open) => open.mailbox === mailbox.id);
  const registration = (await ports.registrations?.lookup(vacancy, candidate)) ?? { status: 'none' as const };
  const call = replyCallInput(candidate, registration, new Date());
  const planned = planCandidateReply(
    { kind: job.kind, candidate, message, vacancy, mailbox, openVacancies, call },
    templates,
  );
  const signing = { ledgerKey: ports.ledgerKeys ? ledgerKey(ports.ledgerKeys) : null, mailbox };
  const idSeed = job.kind === 'receipt' ? key : undefined;
  return shown(job.kind, readdressReply(planned, recipient), ports, { ...signing, idSeed });
}

// The enquiry stage's reply to an untagged message that names a vacancy (when enquiries are enabled).
async function explainEnquiry(
  plan: IngestPlan,
  mailbox: MailboxConfig,
  ports: ExplainPorts,
  own: ReadonlySet<string>,
): Promise<ExplainedReply | null> {
  const job = plan.enquiry;
  const vacancy = ports.config.vacancies.find((entry) => entry.id === job?.vacancy);
  const templates = ports.templates.get(vacancy?.id ?? '');
  if (!job || !vacancy || !templates) return null;
  const ledgerKey = (keys: Pick<LedgerKeys, 'replyLedger' | 'addressHash'>) =>
    enquiryLedgerKey(keys, mailbox.id, job.to.address);
  const binding = { scope: `mailbox-${mailbox.id}`, applicant: job.to.address };
  const blocked =
    (await alreadyDecided(ports, ledgerKey)) ??
    (await permissionProblem(ports, own, { recipient: job.to.address, noReply: job.noReply }, binding));
  if (blocked) return blocked;
  const planned = planEnquiryReply(job, { vacancies: ports.config.vacancies, vacancy, mailbox }, templates);
  const signing = { ledgerKey: ports.ledgerKeys ? ledgerKey(ports.ledgerKeys) : null, mailbox };
  return shown('enquiry', readdressReply(planned, job.to.address), ports, signing);
}

// What the reply ledger says of this reply, when it says it will not be sent (again): as deliverReply decides.
async function alreadyDecided(
  ports: ExplainPorts,
  ledgerKey: (keys: Pick<LedgerKeys, 'replyLedger' | 'addressHash'>) => string,
): Promise<ExplainedReply | null> {
  if (ports.sent === null) return null;
  const entry = await ports.sent.ledger.read(ledgerKey(ports.sent.keys));
  if (entry?.state === 'sent' || entry?.state === 'failed') return none(`already ${entry.state}`);
  if (entry?.state === 'sending') return none('unconfirmed: an earlier attempt may have sent it');
  return null;
}

// The reply stage's rules, with what the daemon's Redis says (read only); the reply windows are not counted.
async function permissionProblem(
  ports: ExplainPorts,
  own: ReadonlySet<string>,
  reply: Pick<ReplyCircumstances, 'recipient' | 'noReply'>,
  binding: { scope: string; applicant: string },
): Promise<ExplainedReply | null> {
  const { recipient } = reply;
  const { guards } = ports;
  const bounced =
    recipient !== null && guards !== null ? await guards.isBounced(recipient, new Date()) : false;
  const self = recipient?.toLowerCase() === binding.applicant.toLowerCase();
  const recipientTaken =
    recipient !== null && !self && guards?.recipientTaken
      ? await guards.recipientTaken(binding.scope, recipient, binding.applicant)
      : false;
  const permission = checkReplyAllowed(
    { ...reply, ownAddresses: own, bounced, recipientTaken, recentReplies: 0 },
    ports.config.replies,
  );
  return permission.allowed ? null : none(`${permission.rule}: ${permission.detail}`);
}

function shown(
  kind: string,
  planned: PlannedReply,
  ports: ExplainPorts,
  signing: { ledgerKey: string | null; idSeed?: string | undefined; mailbox: MailboxConfig },
): ExplainedReply {
  const text = signedReplyText(planned, { key: replyKeyOf(ports), ...signing });
  return { send: true, reason: kind, to: planned.to.address, subject: planned.subject, text };
}

// The key the daemon signs with, as far as explain knows it: from Redis (--history), else the configured secret.
function replyKeyOf(ports: ExplainPorts): Buffer | null {
  const secret = ports.config.security.secret;
  return ports.replyKey ?? (secret !== undefined ? replyKeyFromSecret(secret) : null);
}
