import { describe, expect, it } from 'vitest';
import { withFiling } from '../../../src/candidates/candidate-updates.ts';
import { mergeCandidate } from '../../../src/candidates/merge-candidate.ts';
import { isInReview, splitReview } from '../../../src/candidates/review-state.ts';
import { chooseReplyKind } from '../../../src/stages/assess/choose-reply-kind.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';

const NEAR_MISS = {
  reason: 'tag-suffix' as const,
  matched: '[PHD-robustAI2]',
  evidence: ['cv attached: cv.pdf'],
};
const review = messageRecord('<near>', '2026-11-30T10:00:00Z', { match: 'near-miss', nearMiss: NEAR_MISS });
const tagged = messageRecord('<tagged>', '2026-12-01T10:00:00Z');
const inThread = messageRecord('<thread>', '2026-12-01T09:00:00Z', { match: 'thread' });
const VACANCY = { required: ['cv' as const] };
const REPLIES = { completion: true, followUpReceipts: true };

describe('review items', () => {
  it('a record of near misses and their thread is a review item; a tagged message makes it a candidate', () => {
    expect(isInReview(candidateRecord([review, inThread], [], []))).toBe(true);
    expect(isInReview(candidateRecord([review, tagged], [], []))).toBe(false);
    expect(isInReview(candidateRecord([tagged], [], []))).toBe(false);
  });

  it('splitReview keeps the order of each part', () => {
    const one = { ...candidateRecord([review], [], []), id: 'one' };
    const two = { ...candidateRecord([tagged], [], []), id: 'two' };
    const three = { ...candidateRecord([review], [], []), id: 'three' };
    const { candidates, review: held } = splitReview([one, two, three]);
    expect(candidates.map((record) => record.id)).toEqual(['two']);
    expect(held.map((record) => record.id)).toEqual(['one', 'three']);
  });

  it('no acknowledgement: filing a review item leaves it to a tagged message, which then gets it', () => {
    const filed = withFiling(candidateRecord([review], [documentRecord('cv', '<near>')], []), '<near>', 'R');
    expect(filed.acknowledges).toBeNull();
    expect(chooseReplyKind(filed, '<near>', VACANCY, REPLIES)).toBeNull();
    const merged = mergeCandidate(
      filed,
      { id: filed.id, vacancy: 'robust-ai', required: ['cv'] },
      {
        message: { ...tagged },
        applicant: { name: 'Jane', address: 'jane@example.org' },
        documents: [],
        flags: [],
      },
    ).record;
    const resolved = withFiling(merged, '<tagged>', 'Applications/robust-ai');
    expect(resolved.acknowledges).toBe('<tagged>');
    expect(chooseReplyKind(resolved, '<tagged>', VACANCY, REPLIES)).toBe('acknowledgement');
    expect(resolved.history).toEqual([
      {
        at: '2026-12-01T10:00:00Z',
        action: 'review-resolved',
        by: 'daemon',
        detail: 'message <tagged> (exact tag) makes the review item a candidate',
      },
    ]);
  });

  it('held-for-review: a near miss assessed after the tagged resend was merged keeps its review folder and no reply', () => {
    const applicant = { name: 'Jane', address: 'jane@example.org' };
    const target = { id: 'robust-ai-c0ffee', vacancy: 'robust-ai', required: ['cv' as const] };
    const first = mergeCandidate(null, target, {
      message: review,
      applicant,
      documents: [],
      flags: [],
    }).record;
    expect(first.messages[0]?.heldForReview).toBe(true);
    const both = mergeCandidate(first, target, {
      message: tagged,
      applicant,
      documents: [],
      flags: [],
    }).record;
    expect(both.messages.find((message) => message.key === '<tagged>')?.heldForReview).toBeUndefined();
    // The near miss's assessment runs last (its retry, or a slow worker): no acknowledgement is claimed for it.
    const nearFiled = withFiling(both, '<near>', 'Applications/_review');
    expect(nearFiled.acknowledges).toBeNull();
    expect(chooseReplyKind(nearFiled, '<near>', VACANCY, { ...REPLIES, resendRequest: true })).toBeNull();
    expect(withFiling(nearFiled, '<tagged>', 'Applications/robust-ai').acknowledges).toBe('<tagged>');
  });

  it('resendRequest on: the near miss gets one "resend", a follow-up in its thread nothing', () => {
    const filed = candidateRecord([review, inThread], [], []);
    const resend = { ...REPLIES, resendRequest: true };
    expect(chooseReplyKind(filed, '<near>', VACANCY, resend)).toBe('resend-request');
    expect(chooseReplyKind(filed, '<thread>', VACANCY, resend)).toBeNull();
    expect(chooseReplyKind(filed, '<near>', VACANCY, REPLIES)).toBeNull();
  });

  it('a question gets no receipt, though receipts are on; a thank-you note does', () => {
    const question = messageRecord('<q>', '2026-12-02T10:00:00Z', {
      match: 'thread',
      question: {
        phrases: ['Would an April start be possible?'],
        firstLines: 'Would an April start be possible?',
      },
    });
    const thanks = messageRecord('<t>', '2026-12-02T11:00:00Z', { match: 'thread' });
    const record = {
      ...candidateRecord([tagged, question, thanks], [documentRecord('cv', '<tagged>')], []),
      acknowledges: '<tagged>',
    };
    expect(chooseReplyKind(record, '<q>', VACANCY, REPLIES)).toBeNull();
    expect(chooseReplyKind(record, '<t>', VACANCY, REPLIES)).toBe('receipt');
  });
});
