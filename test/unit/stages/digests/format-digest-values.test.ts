import { describe, expect, it } from 'vitest';
import { describeDeadline, digestClock } from '../../../../src/stages/digests/format-digest-values.ts';
import { isTriageError } from '../../../../src/errors/triage-error.ts';

describe('digestClock', () => {
  it('formats the same instant in the digest time zone: Asia/Tokyo and UTC differ', () => {
    const now = '2026-11-23T08:00:00Z';
    expect(digestClock('UTC', now).when('2026-11-23T20:05:00Z')).toBe('Mon 23 Nov, 20:05');
    expect(digestClock('Asia/Tokyo', now).when('2026-11-23T20:05:00Z')).toBe('Tue 24 Nov, 05:05');
    expect(digestClock('America/New_York', now).when('2026-11-23T20:05:00Z')).toBe('Mon 23 Nov, 15:05');
  });

  it('adds the year only when it is not the digest’s year', () => {
    const clock = digestClock('UTC', '2026-01-05T08:00:00Z');
    expect(clock.when('2025-12-30T10:00:00Z')).toBe('Tue 30 Dec 2025, 10:00');
    expect(clock.day('2026-01-05T08:00:00Z')).toBe('Mon 5 Jan 2026');
  });

  it('counts calendar days in the zone', () => {
    // 23:30 UTC on the 23rd is already the 24th in Tokyo.
    expect(digestClock('UTC', '2026-11-23T08:00:00Z').daysFrom('2026-11-23T23:30:00Z')).toBe(0);
    expect(digestClock('Asia/Tokyo', '2026-11-23T08:00:00Z').daysFrom('2026-11-23T23:30:00Z')).toBe(1);
  });

  it('refuses an unknown time zone as a configuration error', () => {
    expect(() => digestClock('Mars/Olympus_Mons', '2026-11-23T08:00:00Z')).toThrow(
      expect.toSatisfy((error: unknown) => isTriageError(error, 'config-invalid')),
    );
  });
});

describe('describeDeadline', () => {
  const now = '2026-11-23T08:00:00Z';
  const clock = digestClock('Europe/London', now);
  const relative = (deadline: string | null) => describeDeadline(deadline, now, clock).relative;

  it('says how many days are left or have passed', () => {
    expect(relative('2026-12-02T12:00:00Z')).toBe('closes in 9 days');
    expect(relative('2026-11-24T12:00:00Z')).toBe('closes tomorrow');
    expect(relative('2026-11-23T17:00:00Z')).toBe('closes today');
    expect(relative('2026-11-23T07:00:00Z')).toBe('closed today');
    expect(relative('2026-11-22T12:00:00Z')).toBe('closed yesterday');
    expect(relative('2026-11-20T12:00:00Z')).toBe('closed 3 days ago');
    expect(relative(null)).toBe('no deadline');
  });

  it('gives the deadline itself in the zone', () => {
    expect(describeDeadline('2026-12-02T12:00:00Z', now, clock).at).toBe('Wed 2 Dec, 12:00');
    expect(describeDeadline(null, now, clock).at).toBeNull();
  });
});
