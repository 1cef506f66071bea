import { describe, expect, it } from 'vitest';
import type { CandidateRecord, ReplyRecord } from '../../../src/candidates/candidate-record.ts';
import { isTriageError } from '../../../src/errors/triage-error.ts';
import { unconfirmedReply, withReplyDecision } from '../../../src/operator/unconfirmed-reply.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';

const AT = '2026-03-10T09:00:00.000Z';
const CUT: ReplyRecord = {
  kind: 'acknowledgement',
  status: 'unconfirmed',
  at: '2026-03-01T10:01:00.000Z',
  to: 'jane@example.org',
  detail: 'connection closed after DATA',
};

function cutOff(replies: ReplyRecord[] = [CUT]): CandidateRecord {
  const first = messageRecord('<jane-1@example.org>', '2026-03-01T10:00:00.000Z');
  const second = messageRecord('<jane-2@example.org>', '2026-03-02T10:00:00.000Z', { uid: 2 });
  return {
    ...candidateRecord([first, second], [documentRecord('cv', first.key)], []),
    flags: ['late', 'reply-unconfirmed'],
    acknowledges: first.key,
    replies,
  };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return isTriageError(error, 'input-invalid') ? error.message : 'another error';
  }
  return 'no error';
}

describe('unconfirmedReply', () => {
  it('the acknowledgement cut off, answering the acknowledged message', () => {
    expect(unconfirmedReply(cutOff())).toEqual({
      kind: 'acknowledgement',
      to: 'jane@example.org',
      messageKey: '<jane-1@example.org>',
    });
  });

  it('refuses a candidate without the flag, and a receipt', () => {
    expect(refusal(() => unconfirmedReply({ ...cutOff(), flags: ['late'] }))).toBe(
      'robust-ai-c0ffee has no unconfirmed reply (flag reply-unconfirmed not set)',
    );
    expect(refusal(() => unconfirmedReply(cutOff([{ ...CUT, kind: 'receipt' }])))).toBe(
      'the unconfirmed reply of robust-ai-c0ffee is a receipt: dismiss it',
    );
  });
});

describe('withReplyDecision', () => {
  it('clears the flag and records who decided what', () => {
    const record = cutOff();
    const reply = unconfirmedReply(record);
    const dismissed = withReplyDecision(record, 'dismiss', reply, AT, 1);
    expect(dismissed.flags).toEqual(['late']);
    expect(dismissed.history).toEqual([
      {
        at: AT,
        action: 'dismiss',
        by: 'operator',
        detail: 'acknowledgement to jane@example.org taken as sent',
      },
    ]);
    const resent = withReplyDecision(record, 'resend', reply, AT, 1);
    expect(resent.history.at(-1)?.detail).toBe(
      'acknowledgement to jane@example.org queued to be sent once more',
    );
  });

  it('keeps the flag when the resent reply was cut off again meanwhile', () => {
    const record = cutOff([CUT, { ...CUT, at: '2026-03-10T09:00:01.000Z' }]);
    const resent = withReplyDecision(record, 'resend', unconfirmedReply(record), AT, 1);
    expect(resent.flags).toContain('reply-unconfirmed');
    expect(resent.history.at(-1)?.action).toBe('resend');
  });
});
