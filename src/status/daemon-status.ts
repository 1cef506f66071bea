import { plural } from '../domain/plural.ts';
import type { NextPurge } from '../privacy/plan-retention.ts';
/** What the watchers of every process have recorded about a mailbox, for `status`, `/readyz`, metrics and alerts. */
export interface MailboxHealth {
  /** How the watcher notices new mail: IDLE, or the periodic reconcile alone when the server has no IDLE. */
  mode: 'idle' | 'polling' | null;
  /** When the watch folder was last read completely (a sync that queued everything new). */
  lastFetchAt: string | null;
  /** The last error that interrupted watching, and when. */
  lastError: string | null;
  lastErrorAt: string | null;
  /**
   * `auth-failed` from a refused login until the next login succeeds; `needs-login` while an OAuth2 mailbox
   * waits for a person to sign in again (`triage login`).
   */
  auth: 'ok' | 'auth-failed' | 'needs-login' | 'unknown';
  /** Logins refused in a row, and when the next may be tried. */
  authFailures: number;
  authRetryAt: string | null;
}

/** What a mailbox's watcher has recorded, as `status`, `/readyz`, the metrics and the alerts see it. */
export interface MailboxStatus extends MailboxHealth {
  id: string;
  address: string;
  /** The process holding the mailbox's lease (`host:pid:nonce`), or null when no daemon watches it. */
  holder: string | null;
  /** Seconds since `lastFetchAt`, or null before the first fetch. */
  fetchAgeSeconds: number | null;
  /** A fetch is overdue after this many seconds (the mailbox's reconcile interval × 3). */
  staleAfterSeconds: number;
  cursor: { uidValidity: string; lastUid: number } | null;
  /** Messages of this mailbox queued for ingest and not yet taken up or finished. */
  backlog: number;
  /** Referees' letters held for an applicant who has not written yet (they stay in the watched folder). */
  heldLetters: number;
  /** IMAP connections open to the mailbox across every daemon process (their slots), and the cap. */
  connections: number;
  maxConnections: number;
}

export interface QueueStatus {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface DigestStatus {
  supervisor: string;
  vacancies: string[];
  /** The next scheduled run (ISO 8601), in the schedule's time zone. */
  next: string | null;
}

/** One snapshot of the daemon's state in Redis, taken by any process (read only). */
export interface DaemonStatus {
  at: string;
  mailboxes: MailboxStatus[];
  queues: QueueStatus[];
  deadLetters: number;
  /** Candidates whose acknowledgement may or may not have been sent (flag `reply-unconfirmed`). */
  unconfirmedReplies: number;
  digests: DigestStatus[];
  /** Each vacancy's next retention purge, soonest first; null when no retention is configured (data is kept). */
  nextPurges: NextPurge[] | null;
  /** What needs a person, one sentence each; empty when all is well. */
  problems: string[];
}

/** Whether the mailbox was fetched recently enough for the daemon to be called ready. */
export function isFetchCurrent(
  mailbox: Pick<MailboxStatus, 'fetchAgeSeconds' | 'staleAfterSeconds'>,
): boolean {
  return mailbox.fetchAgeSeconds !== null && mailbox.fetchAgeSeconds <= mailbox.staleAfterSeconds;
}

/** What in a snapshot needs a person: a refused login, a mailbox nobody fetches, dead letters, unconfirmed replies. */
export function statusProblems(status: Omit<DaemonStatus, 'problems' | 'nextPurges'>): string[] {
  const problems: string[] = [];
  for (const mailbox of status.mailboxes) {
    if (mailbox.auth === 'needs-login') {
      problems.push(
        `mailbox ${mailbox.id}: needs a new sign-in (${mailbox.lastError ?? 'refused'}); run triage login ${mailbox.id}`,
      );
    } else if (mailbox.auth === 'auth-failed') {
      problems.push(
        `mailbox ${mailbox.id}: login refused (${mailbox.authFailures}×), next try ${mailbox.authRetryAt ?? 'unknown'}; check imap.auth`,
      );
    } else if (mailbox.holder === null) {
      problems.push(`mailbox ${mailbox.id}: no daemon is watching it`);
    } else if (!isFetchCurrent(mailbox)) {
      const since = mailbox.lastFetchAt === null ? 'never fetched' : `last fetched ${mailbox.lastFetchAt}`;
      const error = mailbox.lastError === null ? '' : ` (last error: ${mailbox.lastError})`;
      problems.push(`mailbox ${mailbox.id}: ${since}${error}`);
    }
  }
  if (status.deadLetters > 0) {
    problems.push(`${plural(status.deadLetters, 'dead letter')}: see triage dead-letters`);
  }
  if (status.unconfirmedReplies > 0) {
    const n = status.unconfirmedReplies;
    problems.push(
      `${plural(n, 'acknowledgement')} may not have been sent: triage resend or triage dismiss (see triage candidates)`,
    );
  }
  return problems;
}
