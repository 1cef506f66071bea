import { describe, expect, it } from 'vitest';
import { deadlineInstant, describeDeadline } from '../../../src/calls/deadline-text.ts';

const at = (iso: string): Date => new Date(iso);

describe('deadlineInstant', () => {
  it('takes a deadline written with an offset as written, whatever the zone', () => {
    expect(deadlineInstant('2025-12-02T12:00:00Z', 'Asia/Shanghai').toISOString()).toBe(
      '2025-12-02T12:00:00.000Z',
    );
    expect(deadlineInstant('2026-06-01T12:00:00+01:00', 'America/New_York').toISOString()).toBe(
      '2026-06-01T11:00:00.000Z',
    );
  });

  it('reads a wall time in London as GMT in winter and BST in summer', () => {
    expect(deadlineInstant('2025-12-02T12:00', 'Europe/London').toISOString()).toBe(
      '2025-12-02T12:00:00.000Z',
    );
    expect(deadlineInstant('2026-06-01T12:00:30', 'Europe/London').toISOString()).toBe(
      '2026-06-01T11:00:30.000Z',
    );
  });

  it('reads wall times in New York, Shanghai and Sydney with their offsets of the day', () => {
    expect(deadlineInstant('2026-01-15T17:00', 'America/New_York').toISOString()).toBe(
      '2026-01-15T22:00:00.000Z',
    );
    expect(deadlineInstant('2026-07-15T17:00', 'America/New_York').toISOString()).toBe(
      '2026-07-15T21:00:00.000Z',
    );
    expect(deadlineInstant('2026-01-15T09:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-01-15T01:00:00.000Z',
    );
    expect(deadlineInstant('2026-07-15T09:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-07-15T01:00:00.000Z',
    );
    // Southern hemisphere: summer time (AEDT, +11) in January, standard time (AEST, +10) in July.
    expect(deadlineInstant('2026-01-15T17:00', 'Australia/Sydney').toISOString()).toBe(
      '2026-01-15T06:00:00.000Z',
    );
    expect(deadlineInstant('2026-07-15T17:00', 'Australia/Sydney').toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });

  it('takes a time in the spring-forward gap as the instant the gap ends', () => {
    // London 29 March 2026: 01:00 GMT is followed by 02:00 BST, so 01:30 never shows on a clock.
    expect(deadlineInstant('2026-03-29T01:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(deadlineInstant('2026-03-08T02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(deadlineInstant('2026-10-04T02:30', 'Australia/Sydney').toISOString()).toBe(
      '2026-10-03T16:00:00.000Z',
    );
  });

  it('takes an ambiguous autumn time as the earlier instant', () => {
    // London 25 October 2026: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    expect(deadlineInstant('2026-10-25T01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(deadlineInstant('2026-11-01T01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(deadlineInstant('2026-04-05T02:30', 'Australia/Sydney').toISOString()).toBe(
      '2026-04-04T15:30:00.000Z',
    );
  });

  it('takes 24:00 as the end of the day', () => {
    expect(deadlineInstant('2025-12-02T24:00', 'Europe/London').toISOString()).toBe(
      '2025-12-03T00:00:00.000Z',
    );
    expect(deadlineInstant('2026-06-30T24:00:00', 'Europe/London').toISOString()).toBe(
      '2026-06-30T23:00:00.000Z',
    );
  });

  it('reads negative and half-hour offsets', () => {
    expect(deadlineInstant('2026-01-15T17:00:00-05:00', 'UTC').toISOString()).toBe(
      '2026-01-15T22:00:00.000Z',
    );
    expect(deadlineInstant('2026-01-15T17:00+05:30', 'UTC').toISOString()).toBe('2026-01-15T11:30:00.000Z');
    expect(deadlineInstant(' 2026-01-15T17:00z ', 'Asia/Shanghai').toISOString()).toBe(
      '2026-01-15T17:00:00.000Z',
    );
  });

  it('refuses a date that does not exist rather than rolling it over', () => {
    expect(() => deadlineInstant('2025-02-30T12:00', 'Europe/London')).toThrow(RangeError);
    expect(() => deadlineInstant('2025-02-30T12:00:00Z', 'Europe/London')).toThrow(/not a real date/);
    expect(() => deadlineInstant('2025-12-02T24:30', 'Europe/London')).toThrow(RangeError);
    expect(() => deadlineInstant('2025-12-02T12:60', 'Europe/London')).toThrow(RangeError);
    expect(() => deadlineInstant('2 December', 'Europe/London')).toThrow(/not a date and time: 2 December/);
  });
});

describe('describeDeadline', () => {
  const london = { timeZone: 'Europe/London', zoneName: 'UK time' };

  it('words a winter London deadline with the configured zone name', () => {
    expect(describeDeadline('2025-12-02T12:00', { ...london, now: at('2025-11-26T09:00:00Z') })).toEqual({
      at: '2025-12-02T12:00:00.000Z',
      when: '12:00 midday UK time, Tuesday 2 December 2025',
      relative: 'in 6 days',
      passed: false,
    });
  });

  it("shows the zone's own short name when none is configured: GMT in winter, BST in summer", () => {
    const now = at('2025-11-26T09:00:00Z');
    expect(describeDeadline('2026-01-09T23:59', { timeZone: 'Europe/London', now }).when).toBe(
      '23:59 GMT, Friday 9 January 2026',
    );
    expect(describeDeadline('2026-06-01T12:00', { timeZone: 'Europe/London', now }).when).toBe(
      '12:00 midday BST, Monday 1 June 2026',
    );
    expect(describeDeadline('2026-01-10T00:00', { timeZone: 'Europe/London', now }).when).toBe(
      '00:00 midnight GMT, Saturday 10 January 2026',
    );
    expect(describeDeadline('2026-01-09T23:59:59', { timeZone: 'Europe/London', now }).when).toBe(
      '23:59:59 GMT, Friday 9 January 2026',
    );
  });

  it('names other zones as Intl does', () => {
    const now = at('2025-11-26T09:00:00Z');
    expect(describeDeadline('2026-01-15T17:00', { timeZone: 'America/New_York', now }).when).toBe(
      '17:00 GMT-5, Thursday 15 January 2026',
    );
    expect(describeDeadline('2026-07-15T17:00', { timeZone: 'America/New_York', now }).when).toBe(
      '17:00 GMT-4, Wednesday 15 July 2026',
    );
    expect(describeDeadline('2026-07-15T09:00', { timeZone: 'Asia/Shanghai', now }).when).toBe(
      '09:00 GMT+8, Wednesday 15 July 2026',
    );
    expect(describeDeadline('2026-01-15T17:00', { timeZone: 'Australia/Sydney', now }).when).toBe(
      '17:00 GMT+11, Thursday 15 January 2026',
    );
    expect(describeDeadline('2026-07-15T17:00', { timeZone: 'Australia/Sydney', now }).when).toBe(
      '17:00 GMT+10, Wednesday 15 July 2026',
    );
    expect(describeDeadline('2026-03-10T18:00', { timeZone: 'Europe/Paris', now }).when).toBe(
      '18:00 CET, Tuesday 10 March 2026',
    );
  });

  it('shows a deadline written with an offset in the vacancy zone', () => {
    const now = at('2026-05-20T00:00:00Z');
    const shanghai = describeDeadline('2026-06-01T12:00:00+01:00', { timeZone: 'Asia/Shanghai', now });
    expect(shanghai.at).toBe('2026-06-01T11:00:00.000Z');
    expect(shanghai.when).toBe('19:00 GMT+8, Monday 1 June 2026');
    expect(describeDeadline('2025-12-02T12:00:00Z', { timeZone: 'America/New_York', now }).when).toBe(
      '07:00 GMT-5, Tuesday 2 December 2025',
    );
  });

  it('words gap and ambiguous times by the instant taken', () => {
    const now = at('2026-03-01T00:00:00Z');
    expect(describeDeadline('2026-03-29T01:30', { timeZone: 'Europe/London', now }).when).toBe(
      '02:00 BST, Sunday 29 March 2026',
    );
    expect(describeDeadline('2026-10-25T01:30', { timeZone: 'Europe/London', now }).when).toBe(
      '01:30 BST, Sunday 25 October 2026',
    );
    expect(describeDeadline('2026-10-04T02:30', { timeZone: 'Australia/Sydney', now }).when).toBe(
      '03:00 GMT+11, Sunday 4 October 2026',
    );
  });

  it('counts calendar days across the spring change, not 24-hour blocks', () => {
    // Saturday 23:45 GMT to Monday 00:30 BST: 23 h 45 min, but Monday is two days after Saturday in London
    // (and the deadline is still Sunday in UTC).
    const deadline = describeDeadline('2026-03-30T00:30', { ...london, now: at('2026-03-28T23:45:00Z') });
    expect(deadline.at).toBe('2026-03-29T23:30:00.000Z');
    expect(deadline.relative).toBe('in 2 days');
    // Sunday noon BST to Monday 09:00 BST: 21 hours, tomorrow.
    expect(
      describeDeadline('2026-03-30T09:00', { ...london, now: at('2026-03-29T11:00:00Z') }).relative,
    ).toBe('tomorrow');
  });

  it('counts calendar days across the autumn change, whose Sunday has 25 hours', () => {
    // Saturday 00:01 BST to Sunday 23:59 GMT: 48 h 58 min, yet the deadline is tomorrow.
    const now = at('2026-10-23T23:01:00Z');
    expect(describeDeadline('2026-10-25T23:59', { ...london, now }).relative).toBe('tomorrow');
    expect(describeDeadline('2026-10-26T00:30', { ...london, now }).relative).toBe('in 2 days');
  });

  it("counts days in the zone's calendar, not UTC's", () => {
    // 00:30 on 15 January in Shanghai is still 14 January in UTC.
    const now = at('2026-01-14T16:30:00Z');
    expect(describeDeadline('2026-01-15T23:59', { timeZone: 'Asia/Shanghai', now }).relative).toBe('today');
    expect(describeDeadline('2026-01-16T23:59', { timeZone: 'Asia/Shanghai', now }).relative).toBe(
      'tomorrow',
    );
    // Sydney: 20:00 on 4 April (AEDT) is 09:00Z; 10:00 on 6 April (AEST) is two days on.
    expect(
      describeDeadline('2026-04-06T10:00', { timeZone: 'Australia/Sydney', now: at('2026-04-04T09:00:00Z') })
        .relative,
    ).toBe('in 2 days');
  });

  it('counts hours and minutes in the last half day', () => {
    const relative = (now: string): string =>
      describeDeadline('2025-12-02T12:00', { ...london, now: at(now) }).relative;
    expect(relative('2025-12-02T07:00:00Z')).toBe('in 5 hours');
    expect(relative('2025-12-02T10:59:00Z')).toBe('in 1 hour');
    expect(relative('2025-12-02T11:15:00Z')).toBe('in 45 minutes');
    expect(relative('2025-12-02T11:59:30Z')).toBe('in less than a minute');
    expect(relative('2025-12-01T13:00:00Z')).toBe('tomorrow');
    expect(
      describeDeadline('2025-12-02T23:59', { ...london, now: at('2025-12-02T08:00:00Z') }).relative,
    ).toBe('today');
  });

  it('says how long ago a passed deadline was', () => {
    const passed = (now: string): { relative: string; passed: boolean } => {
      const { relative, passed } = describeDeadline('2025-12-02T12:00', { ...london, now: at(now) });
      return { relative, passed };
    };
    expect(passed('2025-12-02T12:00:00Z')).toEqual({ relative: 'passed just now', passed: true });
    expect(passed('2025-12-02T12:20:00Z')).toEqual({ relative: 'passed 20 minutes ago', passed: true });
    expect(passed('2025-12-02T17:00:00Z')).toEqual({ relative: 'passed 5 hours ago', passed: true });
    expect(passed('2025-12-03T08:00:00Z')).toEqual({ relative: 'passed yesterday', passed: true });
    expect(passed('2025-12-05T09:00:00Z')).toEqual({ relative: 'passed 3 days ago', passed: true });
    expect(passed('2025-12-02T11:59:59Z')).toEqual({ relative: 'in less than a minute', passed: false });
  });
});
