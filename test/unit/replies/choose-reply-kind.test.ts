import { describe, expect, it } from 'vitest';
import type { CandidateRecord, MessageRecord } from '../../../src/candidates/candidate-record.ts';
import type { DocumentKind } from '../../../src/config/schema.ts';
import { chooseReplyKind } from '../../../src/replies/choose-reply-kind.ts';

const message = (key: string, receivedAt: string): MessageRecord => ({
  key,
  messageId: key,
  subject: '[PHD-robustAI] x',
  receivedAt,
  mailbox: 'chen',
  uidValidity: '1',
  uid: 1,
  match: 'exact',
  replyTo: null,
  references: [],
  noReply: null,
  filedTo: null,
});
const document = (kind: DocumentKind, from: string) => ({
  filename: `${kind}.pdf`,
  safeName: `${kind}.pdf`,
  kind,
  contentType: 'application/pdf',
  size: 1,
  sha256: `${kind}-${from}`,
  message: from,
});
const candidate = (
  messages: MessageRecord[],
  documents: ReturnType<typeof document>[],
  missing: DocumentKind[],
): CandidateRecord => ({
  id: 'c',
  vacancy: 'robust-ai',
  name: 'Jane',
  email: 'jane@example.org',
  documents,
  missing,
  flags: [],
  messages,
  replies: [],
  firstSeen: messages[0]?.receivedAt ?? '',
  lastSeen: messages.at(-1)?.receivedAt ?? '',
});
const VACANCY = { required: ['cv', 'transcript'] as DocumentKind[] };
const REPLIES = { completion: true, followUpReceipts: false };
const first = message('<1>', '2026-11-01T10:00:00Z');
const second = message('<2>', '2026-11-02T10:00:00Z');

describe('chooseReplyKind', () => {
  it('first message: acknowledgement', () => {
    expect(
      chooseReplyKind(candidate([first], [document('cv', '<1>')], ['transcript']), '<1>', VACANCY, REPLIES),
    ).toBe('acknowledgement');
  });
  it('first message after the deadline: closed', () => {
    const late = { ...VACANCY, deadline: '2026-10-31T12:00:00Z' };
    expect(chooseReplyKind(candidate([first], [], ['cv', 'transcript']), '<1>', late, REPLIES)).toBe(
      'closed',
    );
  });
  it('a follow-up that supplies the last missing document: complete', () => {
    const merged = candidate([first, second], [document('cv', '<1>'), document('transcript', '<2>')], []);
    expect(chooseReplyKind(merged, '<2>', VACANCY, REPLIES)).toBe('complete');
  });
  it('complete is off when replies.completion is false', () => {
    const merged = candidate([first, second], [document('cv', '<1>'), document('transcript', '<2>')], []);
    expect(chooseReplyKind(merged, '<2>', VACANCY, { ...REPLIES, completion: false })).toBeNull();
  });
  it('a follow-up after the application was already complete: nothing (receipts off)', () => {
    const merged = candidate([first, second], [document('cv', '<1>'), document('transcript', '<1>')], []);
    expect(chooseReplyKind(merged, '<2>', VACANCY, REPLIES)).toBeNull();
    expect(chooseReplyKind(merged, '<2>', VACANCY, { ...REPLIES, followUpReceipts: true })).toBe('receipt');
  });
  it('a follow-up that leaves something missing: nothing (receipts off)', () => {
    const merged = candidate([first, second], [document('cv', '<1>')], ['transcript']);
    expect(chooseReplyKind(merged, '<2>', VACANCY, REPLIES)).toBeNull();
  });
  it('an unknown message: nothing', () => {
    expect(chooseReplyKind(candidate([first], [], []), '<other>', VACANCY, REPLIES)).toBeNull();
  });
});
