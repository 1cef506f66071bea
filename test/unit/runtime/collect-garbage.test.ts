import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/runtime/collect-garbage.ts';

describe('collectGarbage', () => {
  it('frees what nothing refers to any more, without a flag at start', async () => {
    let held: Buffer | null = Buffer.alloc(8 * 1024 * 1024, 1);
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef's target lives to the end of the turn it was made or read in.
    await nextTurn();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(held).toBeNull();
  });
});
