import { describe, expect, it } from 'vitest';
import { domainDeferMs } from '../../../../src/stages/replies/deliver-reply.ts';

describe('domainDeferMs', () => {
  it('spreads waiting replies over the window: its average spacing', () => {
    expect(domainDeferMs({ windowHours: 24, maxPerDomain: 100 })).toBe(864_000);
  });

  it('waits at least a minute and at most an hour', () => {
    expect(domainDeferMs({ windowHours: 1, maxPerDomain: 10_000 })).toBe(60_000);
    expect(domainDeferMs({ windowHours: 24, maxPerDomain: 1 })).toBe(3_600_000);
  });
});
