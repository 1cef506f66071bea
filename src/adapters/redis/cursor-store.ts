import type { RedisClient } from './redis-client.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/** Where a mailbox watcher has got to: every UID up to `lastUid` under `uidValidity` is in the ingest queue. */
export interface MailboxCursor {
  uidValidity: string;
  lastUid: number;
}

/** The watchers' cursors in Redis, one per mailbox, moved only by the holder of the mailbox's lease. */
export class CursorStore {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** The cursor of a mailbox, or null before the first sync. */
  async read(mailboxId: string): Promise<MailboxCursor | null> {
    const stored = await this.redis.hgetall(this.keys.cursor(mailboxId));
    if (stored.uidValidity === undefined || stored.lastUid === undefined) return null;
    return { uidValidity: stored.uidValidity, lastUid: Number(stored.lastUid) };
  }

  /**
   * Moves the cursor forward (or onto a new UIDVALIDITY), never back; throws `lease-lost` when `owner` no longer
   * holds the mailbox's lease (a watcher that lost it while paused cannot move the cursor of the one that took over).
   */
  async advance(mailboxId: string, owner: string, cursor: MailboxCursor): Promise<void> {
    const result = await runScript(
      this.redis,
      'cursor-advance',
      this.keys.cursor(mailboxId),
      this.keys.lease(mailboxId),
      owner,
      cursor.uidValidity,
      String(cursor.lastUid),
    );
    if (result === -1)
      throw new TriageError('lease-lost', 'the mailbox lease was lost; another process watches it now');
  }
}
