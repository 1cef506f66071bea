import type { CandidateFlag } from '../../candidates/candidate-record.ts';
import { TriageError } from '../../errors/triage-error.ts';

/** How each candidate flag is put to a supervisor. */
export const FLAG_WORDING: Readonly<Record<CandidateFlag, string>> = {
  late: 'arrived after the deadline',
  'tag-variant': 'tag written differently',
  'duplicate-document': 'sent the same document more than once',
  'oversize-message': 'message too large to read',
  'unreadable-document': 'a document could not be read',
  'reading-budget': "documents left unread: over the message's reading budget",
  'hidden-text': 'a document contains hidden text',
  'cv-name-mismatch': 'the name on the CV differs from the sender',
  'reply-failed': 'acknowledgement refused by their server',
  'reply-unconfirmed': 'acknowledgement may not have been sent',
};

/** Date and time formatting in one IANA time zone; throws a `config-invalid` TriageError for an unknown zone. */
export interface DigestClock {
  timezone: string;
  /** `Mon 23 Nov, 14:05`, with the year added when it is not the digest's year. */
  when(iso: string): string;
  /** `Mon 23 Nov 2026`. */
  day(iso: string): string;
  /** Whole calendar days (in the zone) from `now` to `iso`: 0 same day, negative in the past. */
  daysFrom(iso: string): number;
}

/** A clock for formatting a digest's dates in `timezone` relative to `now` (ISO 8601). */
export function digestClock(timezone: string, now: string): DigestClock {
  const format = dateFormat(timezone, {
    weekday: 'short',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const numeric = dateFormat(timezone, { month: 'numeric' });
  const today = calendarDay(numeric, now);
  const when = (iso: string): string => {
    const parts = partsOf(format, iso);
    if (parts === null) return 'unknown time';
    const year = parts.year === today?.year ? '' : ` ${parts.year}`;
    return `${parts.weekday} ${parts.day} ${parts.month}${year}, ${parts.hour}:${parts.minute}`;
  };
  const day = (iso: string): string => {
    const parts = partsOf(format, iso);
    return parts === null ? 'unknown day' : `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
  };
  const daysFrom = (iso: string): number => {
    const target = calendarDay(numeric, iso);
    if (target === undefined || today === undefined) return 0;
    return Math.round((target.epochDay - today.epochDay) / 86_400_000);
  };
  return { timezone, when, day, daysFrom };
}

/** The deadline in words: `closes in 9 days`, `closes today`, `closed 3 days ago`, or `no deadline`. */
export function describeDeadline(
  deadline: string | null,
  now: string,
  clock: DigestClock,
): { relative: string; at: string | null } {
  const end = deadline === null ? Number.NaN : Date.parse(deadline);
  if (deadline === null || Number.isNaN(end)) return { relative: 'no deadline', at: null };
  const days = clock.daysFrom(deadline);
  const open = end > Date.parse(now);
  const relative = open
    ? days <= 0
      ? 'closes today'
      : days === 1
        ? 'closes tomorrow'
        : `closes in ${days} days`
    : days >= 0
      ? 'closed today'
      : days === -1
        ? 'closed yesterday'
        : `closed ${-days} days ago`;
  return { relative, at: clock.when(deadline) };
}

type DateParts = Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>;

function dateFormat(timezone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      day: 'numeric',
      year: 'numeric',
      hourCycle: 'h23',
      ...options,
    });
  } catch (error) {
    throw new TriageError('config-invalid', `digest time zone "${timezone}" is not an IANA time zone`, {
      cause: error,
    });
  }
}

function partsOf(format: Intl.DateTimeFormat, iso: string): DateParts | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const parts: DateParts = { weekday: '', day: '', month: '', year: '', hour: '', minute: '' };
  for (const part of format.formatToParts(time)) {
    if (part.type in parts) parts[part.type as keyof DateParts] = part.value;
  }
  return parts;
}

// The calendar day in the zone, as a UTC midnight, so whole days can be counted across DST changes.
function calendarDay(
  format: Intl.DateTimeFormat,
  iso: string,
): { year: string; epochDay: number } | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const parts = new Map(format.formatToParts(time).map((part) => [part.type, part.value]));
  const [year, month, day] = [parts.get('year'), parts.get('month'), parts.get('day')].map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return { year: String(year), epochDay: Date.UTC(year, month - 1, day) };
}
