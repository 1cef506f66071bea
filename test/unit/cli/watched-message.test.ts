import { describe, expect, it } from 'vitest';
import { watchedMessage } from '../../../src/cli/run-link.ts';
import { isTriageError } from '../../../src/errors/triage-error.ts';

function refusal(uid: string | undefined, messageId: string | undefined): string {
  try {
    watchedMessage(uid, messageId);
  } catch (error) {
    return isTriageError(error, 'input-invalid') ? error.message : 'another error';
  }
  return 'no error';
}

describe('watchedMessage (link --uid / --message-id)', () => {
  it('a UID or a Message-ID, trimmed', () => {
    expect(watchedMessage('42', undefined)).toEqual({ uid: 42 });
    expect(watchedMessage(undefined, ' <a@b.example> ')).toEqual({ messageId: '<a@b.example>' });
  });

  it.each(['0', '-1', '1e3', '12abc', '', '99999999999'])('not a UID: %j', (uid) => {
    expect(refusal(uid, undefined)).toBe(`not a UID: ${uid}`);
  });

  it('exactly one of them', () => {
    expect(refusal(undefined, undefined)).toBe('give the message with --uid or --message-id (one of them)');
    expect(refusal('1', 'a@b')).toBe('give the message with --uid or --message-id (one of them)');
  });
});
