import type { CandidateRecord, ReplyRecord } from '../candidates/candidate-record.ts';
import { withHistory } from '../candidates/candidate-updates.ts';
import { REPLY_KINDS, type ReplyKind } from '../domain/reply-kinds.ts';
import { TriageError } from '../errors/triage-error.ts';

/** The reply a `reply-unconfirmed` flag is about: its kind, whom it went to, and the message it answers. */
export interface UnconfirmedReply {
  kind: ReplyKind;
  to: string | null;
  /** The message the reply answers (the candidate's acknowledged message, else its first). */
  messageKey: string;
}

/**
 * The candidate's unconfirmed reply: the latest `unconfirmed` entry while the flag is set. A candidate without
 * the flag is an argument error (nothing to resend or dismiss); so is a follow-up receipt (allowed once per
 * window, never worth a second copy). Pure.
 */
export function unconfirmedReply(record: CandidateRecord): UnconfirmedReply {
  const entry = record.replies.findLast((reply) => reply.status === 'unconfirmed');
  if (!record.flags.includes('reply-unconfirmed') || entry === undefined)
    throw new TriageError(
      'input-invalid',
      `${record.id} has no unconfirmed reply (flag reply-unconfirmed not set)`,
    );
  const kind = replyKind(entry);
  if (kind === 'receipt')
    throw new TriageError('input-invalid', `the unconfirmed reply of ${record.id} is a receipt: dismiss it`);
  const messageKey = record.acknowledges ?? record.messages[0]?.key;
  if (messageKey === undefined) throw new TriageError('input-invalid', `${record.id} has no message`);
  return { kind, to: entry.to, messageKey };
}

/**
 * The record after a person decided about its unconfirmed reply: the decision in the history, and the flag cleared
 * — unless the record holds more `unconfirmed` replies than the `unconfirmedBefore` the person decided on (the
 * resent reply was cut off again meanwhile). Pure.
 */
export function withReplyDecision(
  record: CandidateRecord,
  action: 'resend' | 'dismiss',
  reply: UnconfirmedReply,
  at: string,
  unconfirmedBefore: number,
): CandidateRecord {
  const again = unconfirmedCount(record) > unconfirmedBefore;
  const detail =
    action === 'resend'
      ? `${reply.kind} to ${reply.to ?? 'the applicant'} queued to be sent once more`
      : `${reply.kind} to ${reply.to ?? 'the applicant'} taken as sent`;
  return withHistory(
    again ? record : { ...record, flags: record.flags.filter((flag) => flag !== 'reply-unconfirmed') },
    { at, action, by: 'operator', detail },
  );
}

function replyKind(entry: ReplyRecord): ReplyKind {
  const kind = REPLY_KINDS.find((known) => known === entry.kind);
  if (kind === undefined) throw new TriageError('input-invalid', `unknown reply kind ${entry.kind}`);
  return kind;
}

/** How many of the record's replies are `unconfirmed`. Pure. */
export function unconfirmedCount(record: Pick<CandidateRecord, 'replies'>): number {
  return record.replies.filter((reply) => reply.status === 'unconfirmed').length;
}
