import { describe, expect, it } from 'vitest';
import { planCandidateErasure } from '../../../src/privacy/plan-erasure.ts';
import { candidateRecord, messageRecord } from '../../support/records.ts';

const FILED = 'Applications/robust-ai';
const DECLINED = 'Applications/robust-ai/Declined';

const record = candidateRecord(
  [
    messageRecord('k1', '2026-12-01T10:00:00Z', { messageId: '<m1@uni.example>', filedTo: FILED }),
    messageRecord('k2', '2026-12-02T10:00:00Z', { messageId: '<m2@uni.example>', filedTo: FILED }),
  ],
  [],
  [],
);

describe('planCandidateErasure', () => {
  it("removes the mail from where it was filed, and the supervisor's decided message from its status folder too", () => {
    const decided = {
      ...record,
      decision: {
        status: 'declined',
        at: '2026-12-03T09:00:00Z',
        via: 'folder' as const,
        folder: DECLINED,
        message: 'k2',
      },
    };
    expect(planCandidateErasure(decided, 'hash', { action: 'delete' }).mail).toEqual([
      { mailbox: 'chen', folder: FILED, messageId: '<m1@uni.example>' },
      { mailbox: 'chen', folder: FILED, messageId: '<m2@uni.example>' },
      { mailbox: 'chen', folder: DECLINED, messageId: '<m2@uni.example>' },
    ]);
  });

  it('looks nowhere else for a status given by a keyword (the message stays in its filing folder)', () => {
    const tagged = {
      ...record,
      decision: {
        status: 'declined',
        at: '2026-12-03T09:00:00Z',
        via: 'keyword' as const,
        folder: FILED,
        message: 'k2',
      },
    };
    expect(planCandidateErasure(tagged, 'hash', { action: 'delete' }).mail).toHaveLength(2);
  });
});
