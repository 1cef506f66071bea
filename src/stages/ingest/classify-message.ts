import { matchVacancy, type VacancyMatch } from './match-vacancy.ts';
import type { MessageFacts } from '../../mail/message-facts.ts';
import { bulkSender, senderMailing } from './automatic/bulk-sender.ts';
import { contentEvidence, delayEvidence, machineDocument } from './automatic/content-evidence.ts';
import {
  autoPrecedence,
  autoreplyHeader,
  autoSubmitted,
  bounceSender,
  challengeHeader,
  complaintCopy,
  emptyReturnPath,
  failedRecipients,
  foreignReplyToken,
  listHeader,
  listPrecedence,
  listServerNotice,
  loopHeader,
  multipartReport,
  noSender,
  ownAddress,
  ownLoopMarker,
  ownReplyToken,
  spamFlag,
  spamStatus,
  systemSender,
} from './automatic/header-rules.ts';
import type { ClassifyContext, MessageKind, Rule } from './automatic/verdict.ts';

/** The verdict on one message, with the rule that decided it and the evidence for it. */
export interface Classification {
  kind: MessageKind;
  /** A stable rule id, e.g. `auto-submitted`, `list-header`, `bounce-text`, `tag`, `no-tag`. */
  rule: string;
  /** Human-readable evidence, e.g. `Auto-Submitted: auto-replied` or `sender mailer-daemon@x.org`. */
  detail: string;
  /** Set for applications. */
  match: VacancyMatch | null;
  /** Set when the message may be an application but must never receive an automatic reply (e.g. X-Auto-Response-Suppress: All/AutoReply/OOF). */
  replySuppressed: { rule: string; detail: string } | null;
}

const SUPPRESSING: ReadonlySet<string> = new Set(['all', 'autoreply', 'oof']);

// Content evidence comes before the list rules: a bounce or an auto-reply relayed by a mailing list is still one, and
// so is a bulk-mail service's mailing: a newsletter carries List-Unsubscribe and often List-Id too.
// A missing From comes last: whatever else says the mail is automatic says more.
const RULES: readonly Rule[] = [
  ownAddress,
  ownLoopMarker,
  multipartReport,
  failedRecipients,
  delayEvidence,
  bounceSender,
  ownReplyToken,
  foreignReplyToken,
  complaintCopy,
  challengeHeader,
  spamFlag,
  spamStatus,
  autoSubmitted,
  autoPrecedence,
  autoreplyHeader,
  loopHeader,
  emptyReturnPath,
  systemSender,
  contentEvidence,
  machineDocument,
  bulkSender,
  senderMailing,
  listServerNotice,
  listPrecedence,
  listHeader,
  noSender,
];

/**
 * Classifies a parsed message; the first matching rule wins: own → bounce (a delay notice is not one) → our reply token (own) or another
 * responder's (auto-reply) → spam → auto-reply headers and senders → content evidence (plain-text bounces, delay
 * notices, feedback reports, challenges, header-less auto-replies) → a text that is an XML document → a bulk-mail service's campaign or a sender's own mailing → a list server's own notice → list → no usable From (unattributed) → tag.
 */
export function classifyMessage(facts: MessageFacts, context: ClassifyContext): Classification {
  const replySuppressed = findReplySuppression(facts);
  for (const rule of RULES) {
    const verdict = rule(facts, context);
    if (verdict) return { ...verdict, match: null, replySuppressed };
  }
  const match = matchVacancy(facts.subject, context.vacancies);
  if (match === null) {
    return { kind: 'untagged', rule: 'no-tag', detail: 'no vacancy tag in subject', match, replySuppressed };
  }
  const detail = `${match.kind} tag "${match.matched}" for vacancy ${match.vacancyId}`;
  return { kind: 'application', rule: 'tag', detail, match, replySuppressed };
}

function findReplySuppression(facts: MessageFacts): Classification['replySuppressed'] {
  for (const value of facts.headers['x-auto-response-suppress'] ?? []) {
    const flags = value.toLowerCase().split(/[\s,;]+/);
    if (flags.some((flag) => SUPPRESSING.has(flag))) {
      return { rule: 'auto-response-suppress', detail: `X-Auto-Response-Suppress: ${value}` };
    }
  }
  return null;
}
