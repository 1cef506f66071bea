import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/domain/plural.ts';

describe('plural', () => {
  it('says 1 candidate, 1 vacancy, but 0 and 2 of them in the plural', () => {
    expect(plural(1, 'candidate')).toBe('1 candidate');
    expect(plural(1, 'vacancy')).toBe('1 vacancy');
    expect(plural(2, 'vacancy')).toBe('2 vacancies');
    expect(plural(0, 'candidate')).toBe('0 candidates');
    expect(plural(3, 'Redis key')).toBe('3 Redis keys');
    expect(plural(2, 'day')).toBe('2 days');
    expect(plural(2, 'sent reply', 'sent replies')).toBe('2 sent replies');
  });
});
