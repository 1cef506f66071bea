import { describe, expect, it } from 'vitest';
import { recentSnapshot } from '../../../src/status/recent-snapshot.ts';

function counter(): { read: () => Promise<number>; reads: () => number } {
  let reads = 0;
  return { read: () => Promise.resolve(++reads), reads: () => reads };
}

describe('recentSnapshot', () => {
  it('reads once per period: callers within it get the same snapshot, the first after it a new one', async () => {
    let clock = 0;
    const source = counter();
    const snapshot = recentSnapshot(source.read, 5000, () => clock);
    expect(await snapshot()).toBe(1);
    clock = 4999;
    expect(await snapshot()).toBe(1);
    expect(source.reads()).toBe(1);
    clock = 5000;
    expect(await snapshot()).toBe(2);
    expect(source.reads()).toBe(2);
  });

  it('lets callers during a read wait for it instead of starting another', async () => {
    let release: (value: string) => void = () => undefined;
    let reads = 0;
    const snapshot = recentSnapshot(
      () => {
        reads += 1;
        return new Promise<string>((resolve) => (release = resolve));
      },
      0,
      () => 0,
    );
    const first = snapshot();
    const second = snapshot();
    release('status');
    expect(await Promise.all([first, second])).toEqual(['status', 'status']);
    expect(reads).toBe(1);
  });

  it('keeps no failed read: the next caller reads again', async () => {
    let attempt = 0;
    const snapshot = recentSnapshot(
      () => {
        attempt += 1;
        return attempt === 1
          ? Promise.reject(new Error('redis: connection refused'))
          : Promise.resolve('status');
      },
      60_000,
      () => 0,
    );
    await expect(snapshot()).rejects.toThrow('connection refused');
    expect(await snapshot()).toBe('status');
    expect(attempt).toBe(2);
  });

  it('with a period of 0 reads afresh for every caller after a read has finished', async () => {
    const source = counter();
    const snapshot = recentSnapshot(source.read, 0, () => 0);
    await snapshot();
    await snapshot();
    expect(source.reads()).toBe(2);
  });
});
