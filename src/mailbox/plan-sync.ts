/** What one sync pass must do, decided from the stored cursor and the folder's UIDVALIDITY. */
export type SyncPlan =
  /** New mail since the cursor: every UID above `afterUid`. */
  | { mode: 'incremental'; afterUid: number }
  /**
   * First start (`initial`) or a changed UIDVALIDITY (`rescan`): the mail received since `since`.
   * A rescan checks each message against the already-seen Message-IDs before queueing it.
   */
  | { mode: 'initial' | 'rescan'; since: Date };

/**
 * Decides what a sync pass does. Pure: `now` and the stored cursor are passed in. The folder's UIDNEXT is not
 * used: it goes stale while a folder stays selected, whereas a `UID n:*` search is always current and cheap.
 */
export function planSync(
  cursor: { uidValidity: string; lastUid: number } | null,
  uidValidity: string,
  now: Date,
  backfillDays: number,
): SyncPlan {
  if (cursor === null || cursor.uidValidity !== uidValidity) {
    const since = new Date(now.getTime() - backfillDays * 24 * 60 * 60 * 1000);
    return { mode: cursor === null ? 'initial' : 'rescan', since };
  }
  return { mode: 'incremental', afterUid: cursor.lastUid };
}

/** Splits UIDs into ascending batches of at most `size`. */
export function batchUids(uids: readonly number[], size: number): number[][] {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const step = Math.max(1, Math.floor(size));
  const batches: number[][] = [];
  for (let start = 0; start < sorted.length; start += step) batches.push(sorted.slice(start, start + step));
  return batches;
}
