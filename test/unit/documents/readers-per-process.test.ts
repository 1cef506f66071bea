import { describe, expect, it } from 'vitest';
import { readersPerProcess } from '../../../src/documents/readers-per-process.ts';

describe('readersPerProcess', () => {
  it('shares the cores among the daemon processes on the machine', () => {
    expect(readersPerProcess(2, 1)).toBe(2);
    expect(readersPerProcess(2, 2)).toBe(1);
    expect(readersPerProcess(8, 3)).toBe(2);
  });

  it('gives each process at least one, and all the cores before the count is known', () => {
    expect(readersPerProcess(2, 3)).toBe(1);
    expect(readersPerProcess(4, 0)).toBe(4);
  });
});
