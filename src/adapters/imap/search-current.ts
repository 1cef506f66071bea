import type { ImapFlow, SearchObject } from 'imapflow';
import { TriageError } from '../../errors/triage-error.ts';

/**
 * UID SEARCH in the selected folder as it is now. A session only sees the messages the server has announced to
 * it, so a message appended (by anyone) since this connection's last command is invisible to a search: an empty
 * answer is asked again after a NOOP, which brings the announcement. A refused search is an error, never "none".
 */
export async function searchCurrent(client: ImapFlow, query: SearchObject): Promise<number[]> {
  const first = searched(await client.search(query, { uid: true }));
  if (first.length > 0) return first;
  await client.noop();
  return searched(await client.search(query, { uid: true }));
}

/**
 * A search's UIDs. imapflow answers false when the server refused a search: that must not read as "no messages"
 * (a backfill would move its cursor past mail it never queued; filing would report a message filed).
 */
export function searched(result: number[] | false | undefined): number[] {
  if (result === false || result === undefined)
    throw new TriageError('imap-unavailable', 'the server refused a search; will retry');
  return result;
}

// Longer than any Message-ID a real mailer writes (RFC 5322 suggests well under a line; Dovecot refuses long args).
const MAX_SEARCHABLE_ID = 250;
const SEARCHABLE_ID = /^[\x21-\x7e]+$/;

/**
 * The search for a message by its Message-ID, or null when the id (mail text, so attacker-controlled) cannot be
 * searched for safely: non-ASCII, control characters or an over-long value would make the server refuse the
 * command, and a refused search is retried. A search that cannot be made is skipped instead.
 */
export function messageIdSearch(messageId: string): SearchObject | null {
  if (messageId.length > MAX_SEARCHABLE_ID || !SEARCHABLE_ID.test(messageId)) return null;
  return { header: { 'message-id': messageId } };
}
