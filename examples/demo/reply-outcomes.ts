import type { CandidateRecord, ReplyRecord } from '../../src/candidates/candidate-record.ts';
import type { RepliesConfig, VacancyConfig } from '../../src/config/schema.ts';
import { planAssessReply } from '../../src/stages/assess/plan-assess.ts';
import type { ReplyKind } from '../../src/domain/reply-kinds.ts';
import type { ReceivedMail } from './received-mail.ts';

/** What the reply stage is configured with, as the assess stage uses it to choose a reply. */
export interface ReplyRules {
  vacancies: readonly VacancyConfig[];
  settings: RepliesConfig;
}

/** The reply one message of a candidate calls for (null: none), as the assess stage chooses it. */
export function replyCalledFor(
  candidate: CandidateRecord,
  messageKey: string,
  rules: ReplyRules,
): ReplyKind | null {
  const vacancy = rules.vacancies.find((entry) => entry.id === candidate.vacancy);
  return planAssessReply(candidate, messageKey, vacancy, rules.settings)?.kind ?? null;
}

/** The decision recorded on the candidate for the reply a message calls for, if it was recorded yet. */
export function replyDecision(candidate: CandidateRecord, kind: ReplyKind): ReplyRecord | undefined {
  return candidate.replies.findLast((entry) => entry.kind === kind);
}

/** The replies the candidates' messages call for whose decision is not recorded yet (`<candidate>:<kind>`). */
export function undecidedReplies(candidates: readonly CandidateRecord[], rules: ReplyRules): string[] {
  return candidates.flatMap((candidate) =>
    [...new Set(candidate.messages.map((message) => message.key))]
      .map((key) => replyCalledFor(candidate, key, rules))
      .filter((kind) => kind !== null && replyDecision(candidate, kind) === undefined)
      .map((kind) => `${candidate.id}:${kind}`),
  );
}

/** The Message-IDs of the replies recorded as sent. */
export function sentMessageIds(candidates: readonly CandidateRecord[]): string[] {
  return candidates.flatMap((candidate) =>
    candidate.replies.filter((entry) => entry.status === 'sent').map((entry) => entry.detail),
  );
}

/** A message the SMTP sink received, matched with the reply decision that sent it and the mail it answers. */
export interface SentReply {
  mail: ReceivedMail;
  /** The candidate and kind whose `sent` decision carries this Message-ID; null for mail nobody accounts for. */
  candidate: CandidateRecord | null;
  kind: string | null;
  /** The number (1-based, INBOX order) of the message it answers (In-Reply-To), or null. */
  answers: number | null;
  /** `NN-<applicant>-<kind>`: the name its files are saved under. */
  name: string;
}

/** Matches every message the sink received with its reply decision and the INBOX message it answers. */
export function matchSentReplies(
  received: readonly ReceivedMail[],
  candidates: readonly CandidateRecord[],
  inboxMessageIds: ReadonlyArray<string | null>,
): SentReply[] {
  const matched = received.map((mail) => {
    const id = mail.facts?.messageId ?? null;
    const candidate = candidates.find((entry) => entry.replies.some((reply) => isSentAs(reply, id))) ?? null;
    const kind = candidate?.replies.find((reply) => isSentAs(reply, id))?.kind ?? null;
    const inReplyTo = mail.facts?.inReplyTo ?? null;
    const index = inReplyTo === null ? -1 : inboxMessageIds.indexOf(inReplyTo);
    const answers = index < 0 ? null : index + 1;
    const address = candidate?.email ?? mail.to[0] ?? '';
    const who = slug(candidate?.name ?? '') || slug(address.split('@')[0] ?? '') || 'unknown';
    const name = `${String(answers ?? 0).padStart(2, '0')}-${who}-${kind ?? 'unexpected'}`;
    return { mail, candidate, kind, answers, name };
  });
  matched.sort((a, b) => (a.answers ?? Infinity) - (b.answers ?? Infinity) || a.name.localeCompare(b.name));
  const used = new Map<string, number>();
  for (const reply of matched) {
    const count = (used.get(reply.name) ?? 0) + 1;
    used.set(reply.name, count);
    if (count > 1) reply.name = `${reply.name}-${count}`;
  }
  return matched;
}

function isSentAs(reply: ReplyRecord, messageId: string | null): boolean {
  return messageId !== null && reply.status === 'sent' && reply.detail === messageId;
}

/** A safe, readable file-name part: `Carlos Pérez` → `carlos-perez`, `李明 (Li Ming)` → `li-ming`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
