import { plural } from '../domain/plural.ts';
import type { AlertsConfig } from '../config/schema.ts';
import type { DaemonStatus } from './daemon-status.ts';

/** One thing an operator is told about; `key` names it for the rate limit (one alert per key per repeat). */
export interface AlertItem {
  key: string;
  /** One line of our own words (ids, numbers, times); never text from a message. */
  summary: string;
  /** Further lines: what was recorded (server answers, failure reasons) and what to do. */
  details: string[];
}

/** A dead letter as an alert lists it. */
export interface DeadLetterEntry {
  /** `queue/jobId`, as the dead-letter store keys it. */
  id: string;
  reason: string;
  failedAt: string;
}

/** What the alert check looks at. */
export interface AlertInput {
  status: Pick<DaemonStatus, 'mailboxes'>;
  deadLetters: readonly DeadLetterEntry[];
  /** Dead letters an earlier alert already reported. */
  reported: ReadonlySet<string>;
  /** When this process started watching: a mailbox never fetched counts as not fetched since then. */
  startedAt: Date;
  now: Date;
}

/** Dead letters listed in one alert; the rest are counted. */
const LISTED_DEAD_LETTERS = 5;

/**
 * What needs a person now: a mailbox whose login is refused, a mailbox not fetched for `notFetchedSeconds`, and dead
 * letters no earlier alert reported. A refused login is reported as that, not also as a mailbox not fetched.
 */
export function planAlerts(config: Pick<AlertsConfig, 'notFetchedSeconds'>, input: AlertInput): AlertItem[] {
  const items: AlertItem[] = [];
  const sinceStart = Math.round((input.now.getTime() - input.startedAt.getTime()) / 1000);
  for (const mailbox of input.status.mailboxes) {
    if (mailbox.auth === 'needs-login') {
      items.push({
        key: `auth:${mailbox.id}`,
        summary: `mailbox ${mailbox.id} (${mailbox.address}): needs a new sign-in`,
        details: [
          ...(mailbox.lastError === null ? [] : [`Reason: ${mailbox.lastError}`]),
          `Run: triage login ${mailbox.id}  (npm run triage -- login ${mailbox.id} in a checkout)`,
          'Mail that arrives meanwhile waits in the mailbox and is processed after the sign-in.',
        ],
      });
      continue;
    }
    if (mailbox.auth === 'auth-failed') {
      const times = mailbox.authFailures === 1 ? 'once' : `${mailbox.authFailures} times`;
      items.push({
        key: `auth:${mailbox.id}`,
        summary: `mailbox ${mailbox.id} (${mailbox.address}): login refused`,
        details: [
          `The IMAP server refused the login ${times}; the next try is at ${mailbox.authRetryAt ?? 'an unknown time'}.`,
          ...(mailbox.lastError === null ? [] : [`Server said: ${mailbox.lastError}`]),
          'Check imap.auth (user and password) in the configuration, or use OAuth2.',
        ],
      });
      continue;
    }
    const age = mailbox.fetchAgeSeconds ?? (mailbox.lastFetchAt === null ? sinceStart : null);
    if (age === null || age < config.notFetchedSeconds) continue;
    const since =
      mailbox.lastFetchAt === null
        ? `never fetched (this daemon started ${formatDuration(sinceStart)} ago)`
        : `not fetched for ${formatDuration(age)} (last at ${mailbox.lastFetchAt})`;
    items.push({
      key: `stale:${mailbox.id}`,
      summary: `mailbox ${mailbox.id} (${mailbox.address}): ${mailbox.lastFetchAt === null ? 'never fetched' : `not fetched for ${formatDuration(age)}`}`,
      details: [
        `The mailbox was ${since}.`,
        mailbox.holder === null
          ? 'No daemon holds its lease: is one running?'
          : `Watched by ${mailbox.holder}.`,
        ...(mailbox.lastError === null
          ? []
          : [`Last error (${mailbox.lastErrorAt ?? 'unknown time'}): ${mailbox.lastError}`]),
      ],
    });
  }
  const fresh = input.deadLetters.filter((letter) => !input.reported.has(letter.id));
  if (fresh.length > 0) {
    const n = fresh.length;
    const listed = fresh
      .slice(0, LISTED_DEAD_LETTERS)
      .map((letter) => `${letter.id} (${letter.failedAt}): ${letter.reason}`);
    const more = n - listed.length;
    items.push({
      key: 'dead-letters',
      summary: `${plural(n, 'new dead letter')} (${input.deadLetters.length} in all)`,
      details: [
        ...listed,
        ...(more > 0 ? [`and ${more} more`] : []),
        'Their messages stay where they were, unprocessed: see triage dead-letters, and --retry once the cause is fixed.',
      ],
    });
  }
  return items;
}

/** 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
