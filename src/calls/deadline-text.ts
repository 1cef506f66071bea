import { plural } from '../domain/plural.ts';

/** A programme's deadline as applicants are told it. */
export interface DeadlineText {
  /** ISO instant. */
  at: string;
  /** "12:00 midday UK time, Tuesday 2 December 2025", "23:59 GMT, Friday 9 January 2026". */
  when: string;
  /** "in 6 days", "in 5 hours", "tomorrow", "today", "passed 3 days ago": days are calendar days in the zone. */
  relative: string;
  passed: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Below this much time left (or gone), the relative text counts hours rather than calendar days. */
const HOURS_SHOWN_BELOW = 12 * HOUR;

// `2025-12-02T12:00`, seconds optional, then an offset (`Z`, `+01:00`) or none (wall time in the zone).
const DEADLINE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * The instant of a deadline: as written when it has an offset, else its wall time in `timeZone` (DST-aware; a
 * time that does not exist in a spring-forward gap is taken as the instant after the gap, an ambiguous autumn
 * time as the earlier instant). `24:00` is the end of the day. Throws a RangeError for other text, a date that
 * does not exist (30 February) or an unknown zone. Pure.
 */
export function deadlineInstant(deadline: string, timeZone: string): Date {
  const match = DEADLINE.exec(deadline.trim());
  if (match === null) throw new RangeError(`not a date and time: ${deadline}`);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const endOfDay = hour === 24 && minute === 0 && second === 0;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC (and Date.parse) roll 30 February over into March: a deadline naming no real day is refused.
  if (
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    (hour > 23 && !endOfDay) ||
    minute > 59 ||
    second > 59
  )
    throw new RangeError(`not a real date and time: ${deadline}`);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = match[7];
  if (offset === undefined) return new Date(instantOfWallTime(wall, timeZone));
  if (offset.toUpperCase() === 'Z') return new Date(wall);
  const sign = offset.startsWith('-') ? -1 : 1;
  return new Date(wall - sign * (Number(offset.slice(1, 3)) * HOUR + Number(offset.slice(4, 6)) * MINUTE));
}

/** The deadline's instant, its wording in `timeZone` (named `zoneName` when given) and how far it is from `now`. */
export function describeDeadline(
  deadline: string,
  options: { timeZone: string; zoneName?: string | undefined; now: Date },
): DeadlineText {
  const instant = deadlineInstant(deadline, options.timeZone).getTime();
  const now = options.now.getTime();
  return {
    at: new Date(instant).toISOString(),
    when: whenText(instant, options.timeZone, options.zoneName),
    relative: relativeText(instant, now, options.timeZone),
    passed: now >= instant,
  };
}

// The instant whose wall time in `zone` is `wall` (wall time written as if UTC). Near a transition the zone's
// offsets a day before and a day after give the (at most two) instants that can show that wall time.
function instantOfWallTime(wall: number, zone: string): number {
  const earlierOffset = offsetAt(wall - DAY, zone);
  const laterOffset = offsetAt(wall + DAY, zone);
  const fits = [wall - earlierOffset, wall - laterOffset].filter((at) => at + offsetAt(at, zone) === wall);
  if (fits.length > 0) return Math.min(...fits);
  // No instant shows this wall time (clocks went forward over it): the transition, the first instant after it.
  return firstInstantWithOffset(wall - laterOffset, wall - earlierOffset, laterOffset, zone);
}

// Between `from` (old offset) and `to` (new offset), the first whole second at which `zone` has `offset`.
function firstInstantWithOffset(from: number, to: number, offset: number, zone: string): number {
  let low = Math.floor(from / SECOND);
  let high = Math.ceil(to / SECOND);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * SECOND, zone) === offset) high = middle;
    else low = middle;
  }
  return high * SECOND;
}

// The zone's offset from UTC at `instant`, in milliseconds (to the second, as Intl shows wall time).
function offsetAt(instant: number, zone: string): number {
  const wall = wallParts(instant, zone);
  const shown = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return shown - Math.floor(instant / SECOND) * SECOND;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const numericFormats = new Map<string, Intl.DateTimeFormat>();
const displayFormats = new Map<string, Intl.DateTimeFormat>();

function wallParts(instant: number, zone: string): WallParts {
  let format = numericFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    numericFormats.set(zone, format);
  }
  const parts = partsOf(format, instant);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function partsOf(
  format: Intl.DateTimeFormat,
  instant: number,
): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

// "12:00 midday UK time, Tuesday 2 December 2025"; seconds only when the deadline has some.
function whenText(instant: number, zone: string, zoneName: string | undefined): string {
  let format = displayFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    });
    displayFormats.set(zone, format);
  }
  const parts = partsOf(format, instant);
  const time = `${parts.hour}:${parts.minute}${parts.second === '00' ? '' : `:${parts.second}`}`;
  const named = time === '12:00' ? '12:00 midday' : time === '00:00' ? '00:00 midnight' : time;
  const date = `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
  return `${named} ${zoneName ?? parts.timeZoneName}, ${date}`;
}

function relativeText(instant: number, now: number, zone: string): string {
  const days = calendarDay(instant, zone) - calendarDay(now, zone);
  const left = instant - now;
  if (left > 0) {
    if (left < MINUTE) return 'in less than a minute';
    if (left < HOUR) return `in ${plural(Math.floor(left / MINUTE), 'minute')}`;
    if (left < HOURS_SHOWN_BELOW) return `in ${plural(Math.floor(left / HOUR), 'hour')}`;
    if (days === 0) return 'today';
    return days === 1 ? 'tomorrow' : `in ${plural(days, 'day')}`;
  }
  const gone = -left;
  if (gone < MINUTE) return 'passed just now';
  if (gone < HOUR) return `passed ${plural(Math.floor(gone / MINUTE), 'minute')} ago`;
  if (gone < HOURS_SHOWN_BELOW) return `passed ${plural(Math.floor(gone / HOUR), 'hour')} ago`;
  if (days === 0) return 'passed today';
  return days === -1 ? 'passed yesterday' : `passed ${plural(-days, 'day')} ago`;
}

// The number of the calendar day `instant` falls on in `zone` (days since 1970-01-01 of that date).
function calendarDay(instant: number, zone: string): number {
  const wall = wallParts(instant, zone);
  return Date.UTC(wall.year, wall.month - 1, wall.day) / DAY;
}
