import type { Config, DocumentKind } from '../config/schema.ts';
import { checkReplyAllowed } from '../replies/check-reply-allowed.ts';
import { planReply } from '../replies/plan-reply.ts';
import type { ReplyTemplates } from '../replies/reply-templates.ts';
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

/**
 * Explains the triage of one message offline, as if it were the applicant's first (no Redis, IMAP or SMTP: no
 * thread history, bounce list or reply counts). Pure.
 */
export function explainMessage(
  facts: MessageFacts,
  config: Config,
  mailboxId: string,
  templates: ReadonlyMap<string, ReplyTemplates>,
): Explanation {
  const own = ownAddresses(config);
  const result = triageMessage(facts, {
    config,
    mailbox: { id: mailboxId },
    ownAddresses: own,
    threadVacancy: null,
    receivedAt: facts.date ?? new Date().toISOString(),
  });
  const { classification } = result;
  return {
    classification: { kind: classification.kind, rule: classification.rule, detail: classification.detail },
    vacancy: result.vacancy,
    applicant: result.applicant ? { name: result.applicant.name, email: result.applicant.address } : null,
    documents: result.documents.map((document) => ({ filename: document.filename, kind: document.kind })),
    missing: result.missing,
    flags: result.flags,
    reply: explainReply(facts, result, config, mailboxId, own, templates),
  };
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
