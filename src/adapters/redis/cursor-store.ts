import type { Redis } from 'ioredis';
import { TriageError } from '../../errors/triage-error.ts';

/** Where a mailbox watcher has got to: every UID up to `lastUid` under `uidValidity` is in the ingest queue. */
export interface MailboxCursor {
  uidValidity: string;
  lastUid: number;
}

// Moves the cursor only forward (or onto a new UIDVALIDITY), and only while the caller holds the lease:
// a watcher that lost its lease while paused cannot move the cursor of the one that took over.
const ADVANCE = `
if redis.call('get', KEYS[2]) ~= ARGV[1] then return -1 end
local validity = redis.call('hget', KEYS[1], 'uidValidity')
local last = tonumber(redis.call('hget', KEYS[1], 'lastUid') or '0')
if validity == ARGV[2] and last >= tonumber(ARGV[3]) then return 0 end
redis.call('hset', KEYS[1], 'uidValidity', ARGV[2], 'lastUid', ARGV[3])
return 1`;

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
  const result = await redis.eval(
    ADVANCE,
    2,
    keys.cursor,
    keys.lease,
    owner,
    cursor.uidValidity,
    String(cursor.lastUid),
  );
  if (result === -1)
    throw new TriageError('lease-lost', 'the mailbox lease was lost; another process watches it now');
}
