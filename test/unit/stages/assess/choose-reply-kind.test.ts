import { describe, expect, it } from 'vitest';
import { candidateRecord, documentRecord, messageRecord } from '../../../support/records.ts';
import type { DocumentKind } from '../../../../src/domain/document-kinds.ts';
import { chooseReplyKind } from '../../../../src/stages/assess/choose-reply-kind.ts';

const VACANCY = { required: ['cv', 'transcript'] as DocumentKind[] };
const REPLIES = { completion: true, followUpReceipts: false };
const first = messageRecord('<1>', '2026-11-01T10:00:00Z');
const second = messageRecord('<2>', '2026-11-02T10:00:00Z');

describe('chooseReplyKind', () => {
  it('first message: acknowledgement', () => {
    expect(
      chooseReplyKind(
        candidateRecord([first], [documentRecord('cv', '<1>')], ['transcript']),
        '<1>',
        VACANCY,
        REPLIES,
      ),
    ).toBe('acknowledgement');
  });
  it('first message after the deadline: closed', () => {
    const late = { ...VACANCY, deadline: '2026-10-31T12:00:00Z' };
    expect(chooseReplyKind(candidateRecord([first], [], ['cv', 'transcript']), '<1>', late, REPLIES)).toBe(
      'closed',
    );
  });
  it('a follow-up that supplies the last missing document: complete', () => {
    const merged = candidateRecord(
      [first, second],
      [documentRecord('cv', '<1>'), documentRecord('transcript', '<2>')],
      [],
    );
    expect(chooseReplyKind(merged, '<2>', VACANCY, REPLIES)).toBe('complete');
  });
  it('a later message assessed first holds the acknowledgement; the earlier one then completes the application', () => {
    const merged = {
      ...candidateRecord(
        [first, second],
        [documentRecord('cv', '<1>'), documentRecord('transcript', '<2>')],
        [],
      ),
      acknowledges: '<2>',
    };
    expect(chooseReplyKind(merged, '<2>', VACANCY, REPLIES)).toBe('acknowledgement');
    expect(chooseReplyKind(merged, '<1>', VACANCY, REPLIES)).toBe('complete');
  });
  it('complete is off when replies.completion is false', () => {
    const merged = candidateRecord(
      [first, second],
      [documentRecord('cv', '<1>'), documentRecord('transcript', '<2>')],
      [],
    );
    expect(chooseReplyKind(merged, '<2>', VACANCY, { ...REPLIES, completion: false })).toBeNull();
  });
  it('a follow-up after the application was already complete: nothing (receipts off)', () => {
    const merged = candidateRecord(
      [first, second],
      [documentRecord('cv', '<1>'), documentRecord('transcript', '<1>')],
      [],
    );
    expect(chooseReplyKind(merged, '<2>', VACANCY, REPLIES)).toBeNull();
    expect(chooseReplyKind(merged, '<2>', VACANCY, { ...REPLIES, followUpReceipts: true })).toBe('receipt');
  });
  it('a follow-up that leaves something missing: nothing (receipts off)', () => {
    const merged = candidateRecord([first, second], [documentRecord('cv', '<1>')], ['transcript']);
    expect(chooseReplyKind(merged, '<2>', VACANCY, REPLIES)).toBeNull();
  });
  it('an unknown message: nothing', () => {
    expect(chooseReplyKind(candidateRecord([first], [], []), '<other>', VACANCY, REPLIES)).toBeNull();
  });
  it("an open call's enquirer: one information reply to the first message, nothing for the others", () => {
    const call = { ...VACANCY, answersEnquiries: true };
    const merged = candidateRecord([first, second], [documentRecord('cv', '<2>')], ['transcript']);
    const receipts = { completion: true, followUpReceipts: true };
    expect(chooseReplyKind(merged, '<1>', call, receipts)).toBe('information');
    expect(chooseReplyKind(merged, '<2>', call, receipts)).toBeNull();
    // Not answering enquiries: nothing at all, not even a late or completing reply.
    const quiet = { ...call, answersEnquiries: false, deadline: '2026-10-31T12:00:00Z' };
    expect(chooseReplyKind(merged, '<1>', quiet, receipts)).toBeNull();
    expect(chooseReplyKind(merged, '<2>', quiet, receipts)).toBeNull();
  });
});
