import type { Redis } from 'ioredis';
import { runScript } from './redis-scripts.ts';
import { TriageError } from '../../errors/triage-error.ts';

/** Where a mailbox watcher has got to: every UID up to `lastUid` under `uidValidity` is in the ingest queue. */
export interface MailboxCursor {
  uidValidity: string;
  lastUid: number;
}

/** Reads the cursor of a mailbox, or null before the first sync. */
export async function readCursor(redis: Redis, key: string): Promise<MailboxCursor | null> {
  const stored = await redis.hgetall(key);
  if (stored.uidValidity === undefined || stored.lastUid === undefined) return null;
  return { uidValidity: stored.uidValidity, lastUid: Number(stored.lastUid) };
}

/** Advances the cursor; throws `lease-lost` when `owner` no longer holds `leaseKey`. */
export async function advanceCursor(
  redis: Redis,
  keys: { cursor: string; lease: string },
  owner: string,
  cursor: MailboxCursor,
): Promise<void> {
  const result = await runScript(
    redis,
    'cursor-advance',
    keys.cursor,
    keys.lease,
    owner,
    cursor.uidValidity,
    String(cursor.lastUid),
  );
  if (result === -1)
    throw new TriageError('lease-lost', 'the mailbox lease was lost; another process watches it now');
}
