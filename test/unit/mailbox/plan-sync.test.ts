import { describe, expect, it } from 'vitest';
import { batchUids, planSync } from '../../../src/mailbox/plan-sync.ts';

const NOW = new Date('2025-02-15T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

describe('planSync', () => {
  it('initial: no cursor → the mail of the last backfillDays days', () => {
    expect(planSync(null, '1700000000', NOW, 14)).toEqual({
      mode: 'initial',
      since: new Date('2025-02-01T12:00:00.000Z'),
    });
  });

  it('rescan: a cursor under another UIDVALIDITY → the backfill window again, not the old UIDs', () => {
    expect(planSync({ uidValidity: '1700000000', lastUid: 812 }, '1700009999', NOW, 14)).toEqual({
      mode: 'rescan',
      since: new Date('2025-02-01T12:00:00.000Z'),
    });
  });

  it('incremental: a cursor under the same UIDVALIDITY → everything above its last UID', () => {
    expect(planSync({ uidValidity: '1700000000', lastUid: 812 }, '1700000000', NOW, 14)).toEqual({
      mode: 'incremental',
      afterUid: 812,
    });
  });

  it('incremental-from-zero: a cursor at UID 0 plans from the start of the folder', () => {
    expect(planSync({ uidValidity: '7', lastUid: 0 }, '7', NOW, 14)).toEqual({
      mode: 'incremental',
      afterUid: 0,
    });
  });

  it('backfill-zero: backfillDays 0 starts the window now', () => {
    const plan = planSync(null, '7', NOW, 0);
    expect(plan.mode === 'initial' && plan.since.getTime()).toBe(NOW.getTime());
  });

  it.each([1, 14, 365, 3650])('backfill date: %i day(s) before now, to the millisecond', (days) => {
    const plan = planSync(null, '7', NOW, days);
    expect(plan.mode).toBe('initial');
    expect(plan.mode !== 'incremental' && NOW.getTime() - plan.since.getTime()).toBe(days * DAY);
  });

  it('pure: the passed-in now is not modified and a fresh Date is returned', () => {
    const now = new Date(NOW);
    const plan = planSync(null, '7', now, 14);
    expect(now.getTime()).toBe(NOW.getTime());
    expect(plan.mode !== 'incremental' && plan.since).not.toBe(now);
  });

  it('uidvalidity-compare-as-text: "0123" and "123" are different UIDVALIDITY values', () => {
    expect(planSync({ uidValidity: '0123', lastUid: 5 }, '123', NOW, 14).mode).toBe('rescan');
  });
});

describe('batchUids', () => {
  it('empty: no UIDs, no batches', () => {
    expect(batchUids([], 100)).toEqual([]);
  });

  it('sorts ascending numerically (not as text)', () => {
    expect(batchUids([10, 9, 100, 1], 10)).toEqual([[1, 9, 10, 100]]);
  });

  it('dedupes repeated UIDs', () => {
    expect(batchUids([3, 1, 3, 2, 1], 10)).toEqual([[1, 2, 3]]);
  });

  it('splits into batches of at most size, the last one shorter', () => {
    expect(batchUids([5, 4, 3, 2, 1, 7, 6], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('an exact multiple of the size gives full batches only', () => {
    expect(batchUids([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('size 1 gives one UID per batch', () => {
    expect(batchUids([2, 1], 1)).toEqual([[1], [2]]);
  });

  it('dedupe happens before batching: duplicates never make an extra batch', () => {
    expect(batchUids([1, 1, 1, 2, 2, 2], 2)).toEqual([[1, 2]]);
  });

  it('does not modify its input', () => {
    const uids = [3, 1, 2];
    batchUids(uids, 2);
    expect(uids).toEqual([3, 1, 2]);
  });

  it('large folder: 10,001 UIDs in batches of 500, in order, none lost', () => {
    const uids = Array.from({ length: 10_001 }, (_, index) => 10_001 - index);
    const batches = batchUids(uids, 500);
    expect(batches).toHaveLength(21);
    expect(batches.every((batch) => batch.length <= 500)).toBe(true);
    expect(batches.flat()).toEqual(Array.from({ length: 10_001 }, (_, index) => index + 1));
  });
});
