import type { Config, DocumentKind } from '../config/schema.ts';
import type { MessageFacts } from './message-facts.ts';
import { ownAddresses } from './own-addresses.ts';
import { triageMessage, type TriageResult } from './triage-message.ts';

/** The `explain` answer: what the daemon would do with one message (JSON shape of the public CLI). */
export interface Explanation {
  classification: { kind: string; rule: string; detail: string };
  vacancy: TriageResult['vacancy'];
  applicant: { name: string; email: string } | null;
  documents: { filename: string; kind: DocumentKind }[];
  missing: DocumentKind[];
  flags: string[];
  reply: { send: boolean; reason: string; to: string | null; subject: string | null; text: string | null };
}

/** Explains the triage of one message offline (no Redis, IMAP or SMTP; no thread history). Pure. */
export function explainMessage(facts: MessageFacts, config: Config, mailboxId: string): Explanation {
  const result = triageMessage(facts, {
    config,
    mailbox: { id: mailboxId },
    ownAddresses: ownAddresses(config),
    threadVacancy: null,
    receivedAt: facts.date ?? new Date().toISOString(),
  });
  const { classification } = result;
  const replyTo = facts.replyTo[0] ?? facts.from;
  const isApplication = classification.kind === 'application';
  return {
    classification: { kind: classification.kind, rule: classification.rule, detail: classification.detail },
    vacancy: result.vacancy,
    applicant: result.applicant ? { name: result.applicant.name, email: result.applicant.address } : null,
    documents: result.documents.map((document) => ({ filename: document.filename, kind: document.kind })),
    missing: result.missing,
    flags: result.flags,
    reply: {
      send: false,
      reason: isApplication
        ? 'acknowledgements are not enabled in this version'
        : `not an application (${classification.kind}: ${classification.rule})`,
      to: isApplication ? (replyTo?.address ?? null) : null,
      subject: isApplication ? replySubject(facts.subject) : null,
      text: null,
    },
  };
}

function replySubject(subject: string): string {
  return /^\s*re\s*:/i.test(subject) ? subject.trim() : `Re: ${subject.trim()}`;
}
