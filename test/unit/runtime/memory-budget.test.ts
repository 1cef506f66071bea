import { describe, expect, it } from 'vitest';
import { MemoryBudget } from '../../../src/runtime/memory-budget.ts';

/** A piece of work that runs until its `finish` is called, recording when it started. */
function held(started: string[], name: string) {
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    work: async () => {
      started.push(name);
      await done;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('MemoryBudget', () => {
  it('runs work side by side while their sizes fit, and the next when bytes come back', async () => {
    const budget = new MemoryBudget(100);
    const started: string[] = [];
    const [a, b, c] = [held(started, 'a'), held(started, 'b'), held(started, 'c')];
    const runs = [budget.run(40, a.work), budget.run(50, b.work), budget.run(30, c.work)];
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(budget.available).toBe(10);
    a.finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    b.finish();
    c.finish();
    await Promise.all(runs);
    expect(budget.available).toBe(100);
  });

  it('runs a message larger than the whole budget alone, not never', async () => {
    const budget = new MemoryBudget(100);
    const started: string[] = [];
    const [small, large] = [held(started, 'small'), held(started, 'large')];
    const runs = [budget.run(10, small.work), budget.run(350, large.work)];
    await settle();
    expect(started).toEqual(['small']);
    small.finish();
    await settle();
    expect(started).toEqual(['small', 'large']);
    expect(budget.available).toBe(0);
    large.finish();
    await Promise.all(runs);
    expect(budget.available).toBe(100);
  });

  it('does not let small work overtake a large request waiting at the head', async () => {
    const budget = new MemoryBudget(100);
    const started: string[] = [];
    const [first, large, small] = [held(started, 'first'), held(started, 'large'), held(started, 'small')];
    const runs = [budget.run(60, first.work), budget.run(80, large.work), budget.run(10, small.work)];
    await settle();
    expect(started).toEqual(['first']);
    expect(budget.waiting).toBe(2);
    first.finish();
    await settle();
    expect(started).toEqual(['first', 'large', 'small']);
    large.finish();
    small.finish();
    await Promise.all(runs);
  });

  it('runs its release after work that held at least its threshold, failed or not, and not after smaller work', async () => {
    const released: number[] = [];
    const budget = new MemoryBudget(100, { fromBytes: 40, run: () => released.push(budget.available) });
    await budget.run(39, () => Promise.resolve());
    expect(released).toEqual([]);
    await budget.run(40, () => Promise.resolve());
    await expect(budget.run(500, () => Promise.reject(new Error('parse failed')))).rejects.toThrow();
    // After the bytes were given back: what is released is no longer counted as held.
    expect(released).toEqual([100, 100]);
  });

  it('gives the bytes back when the work fails', async () => {
    const budget = new MemoryBudget(100);
    await expect(budget.run(70, () => Promise.reject(new Error('imap gone')))).rejects.toThrow('imap gone');
    expect(budget.available).toBe(100);
  });
});
