import { describe, expect, it } from 'vitest';
import { applyDecision } from '../../../../src/stages/decisions/plan-decision.ts';
import type { DecisionChange } from '../../../../src/mailbox/plan-decisions.ts';
import { candidateRecord, messageRecord } from '../../../support/records.ts';

const SHORTLIST = 'Applications/robust-ai/Shortlist';
const DECLINED = 'Applications/robust-ai/Declined';
const AT = '2026-12-07T14:00:00.000Z';
const LATER = '2026-12-08T09:30:00.000Z';

const record = candidateRecord(
  [
    messageRecord('k1', '2026-12-01T10:00:00Z', { messageId: '<First@uni.example>' }),
    messageRecord('k2', '2026-12-02T10:00:00Z', { messageId: '<second@uni.example>' }),
  ],
  [],
  [],
);

function change(messageId: string, status: string | null, folder = SHORTLIST): DecisionChange {
  return { vacancy: 'robust-ai', messageId, status, via: 'folder', folder };
}

describe('applyDecision', () => {
  it("sets the candidate's status from their message (Message-ID in any case) with a daemon history entry", () => {
    const next = applyDecision(record, change('<first@uni.example>', 'shortlisted'), AT);
    expect(next.decision).toEqual({
      status: 'shortlisted',
      at: AT,
      via: 'folder',
      folder: SHORTLIST,
      message: 'k1',
    });
    expect(next.history).toEqual([
      { at: AT, action: 'status', by: 'daemon', detail: `shortlisted (moved to ${SHORTLIST})` },
    ]);
  });

  it('changes nothing when the status is seen again (a repeated look after a crash)', () => {
    const once = applyDecision(record, change('<first@uni.example>', 'shortlisted'), AT);
    expect(applyDecision(once, change('<first@uni.example>', 'shortlisted'), LATER)).toBe(once);
  });

  it('lets the latest move win, from either message', () => {
    const shortlisted = applyDecision(record, change('<first@uni.example>', 'shortlisted'), AT);
    const declined = applyDecision(shortlisted, change('<second@uni.example>', 'declined', DECLINED), LATER);
    expect(declined.decision).toMatchObject({ status: 'declined', message: 'k2', folder: DECLINED });
    expect(declined.history.map((entry) => entry.detail)).toEqual([
      `shortlisted (moved to ${SHORTLIST})`,
      `declined (moved to ${DECLINED})`,
    ]);
  });

  it('clears the status when the message that gave it leaves its folder, recording it', () => {
    const declined = applyDecision(record, change('<first@uni.example>', 'declined', DECLINED), AT);
    const cleared = applyDecision(declined, change('<first@uni.example>', null, DECLINED), LATER);
    expect(cleared.decision).toBeNull();
    expect(cleared.history.at(-1)).toEqual({
      at: LATER,
      action: 'status',
      by: 'daemon',
      detail: `none (moved out of ${DECLINED})`,
    });
  });

  it('keeps a status another message gave when a message leaves a status folder', () => {
    const declined = applyDecision(record, change('<second@uni.example>', 'declined', DECLINED), AT);
    expect(applyDecision(declined, change('<first@uni.example>', null, SHORTLIST), LATER)).toBe(declined);
  });

  it("ignores a message that is not the candidate's, or a change for another vacancy", () => {
    expect(applyDecision(record, change('<other@uni.example>', 'shortlisted'), AT)).toBe(record);
    const elsewhere = { ...change('<first@uni.example>', 'shortlisted'), vacancy: 'quantum' };
    expect(applyDecision(record, elsewhere, AT)).toBe(record);
  });
});
