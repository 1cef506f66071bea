import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import type { FiledUid } from '../../ports/mailbox-gateway.ts';
import {
  markAnsweredByMessageId,
  markUidsAnswered,
  selectedUidValidity,
  type UidToMark,
} from './mark-answered.ts';

/** Runs `work` with `folder` of a mailbox selected and locked on the connection that marks \Answered there. */
export type WithAnsweredFolder = (
  mailbox: MailboxConfig,
  folder: string,
  work: (client: ImapFlow) => Promise<void>,
) => Promise<void>;

interface Request extends UidToMark {
  messageId: string | null;
  resolve: (marked: boolean) => void;
  reject: (error: unknown) => void;
}

interface Group {
  mailbox: MailboxConfig;
  folder: string;
  uidValidity: string;
  /** The previous request came within `busyWindowMs` of the one that opened the group: its batches linger. */
  busy: boolean;
  waiting: Request[];
}

/** How long a batch waits for company, and when it does (both in milliseconds). */
export interface BatchTiming {
  /** A busy group's batch starts this long after the request that opens it, so the requests behind it join. */
  lingerMs: number;
  /** A group is busy when its previous request came less than this long before. */
  busyWindowMs: number;
  now: () => number;
}

/**
 * In a backlog, replies come some 140 ms apart and a STORE takes a few: without waiting, each went alone, and some
 * twice (moved in since the connection's last command). Waiting 100 ms when busy lets two or three share a STORE,
 * and the ones to store again share it with the next. A reply job waits for its mark, so the wait is kept short; a
 * lone reply after a quiet spell (an idle daemon) waits for nothing.
 */
const DEFAULT_TIMING: BatchTiming = { lingerMs: 100, busyWindowMs: 1000, now: () => Date.now() };

/**
 * Group commit for \Answered by UID: per mailbox, folder and UIDVALIDITY, requests that come together go in one UID
 * STORE. A request that finds the group quiet is stored at once; while the group is busy (requests in the last
 * second), a batch first waits `lingerMs` for the requests behind it, and so do the UIDs a STORE found not yet in
 * view before they are stored again. Each batch runs under one folder lock; each caller learns whether its own
 * message was marked. A UID the server reported no change for joins the next batch once (see markUidsAnswered).
 */
export class AnsweredBatches {
  private readonly groups = new Map<string, Group>();
  private readonly lastRequestAt = new Map<string, number>();
  private readonly withFolder: WithAnsweredFolder;
  private readonly timing: BatchTiming;

  constructor(withFolder: WithAnsweredFolder, timing: BatchTiming = DEFAULT_TIMING) {
    this.withFolder = withFolder;
    this.timing = timing;
  }

  /**
   * Sets \Answered on the message filed at `filed` in `folder`; by its Message-ID when the folder's UIDVALIDITY
   * has changed since. False when it is not there.
   */
  mark(mailbox: MailboxConfig, folder: string, filed: FiledUid, messageId: string | null): Promise<boolean> {
    const key = JSON.stringify([mailbox.id, folder, filed.uidValidity]);
    const now = this.timing.now();
    const previous = this.lastRequestAt.get(key);
    this.lastRequestAt.set(key, now);
    return new Promise((resolve, reject) => {
      const request = { uid: filed.uid, storedBefore: false, messageId, resolve, reject };
      const group = this.groups.get(key);
      if (group) {
        group.waiting.push(request);
        return;
      }
      const busy = previous !== undefined && now - previous < this.timing.busyWindowMs;
      const created = { mailbox, folder, uidValidity: filed.uidValidity, busy, waiting: [request] };
      this.groups.set(key, created);
      void this.drain(key, created);
    });
  }

  /**
   * Sends the group's batches one after another until nobody waits; a batch is what waited when its lock came,
   * after `lingerMs` while the group is busy.
   */
  private async drain(key: string, group: Group): Promise<void> {
    while (group.waiting.length > 0) {
      if (group.busy) await sleep(this.timing.lingerMs);
      let batch: Request[] = [];
      try {
        await this.withFolder(group.mailbox, group.folder, async (client) => {
          batch = group.waiting.splice(0);
          const again = await markBatch(client, group.uidValidity, batch);
          group.waiting.unshift(...again);
        });
      } catch (error) {
        // A batch that never got its lock is the whole queue: the same connection would fail it again.
        for (const request of batch.length > 0 ? batch : group.waiting.splice(0)) request.reject(error);
      }
    }
    this.groups.delete(key);
  }
}

/**
 * Marks one batch in the selected folder and settles its requests, but for those to be stored once more, which
 * it returns. After a UIDVALIDITY change, each message is marked by its Message-ID instead.
 */
async function markBatch(client: ImapFlow, uidValidity: string, batch: Request[]): Promise<Request[]> {
  if (selectedUidValidity(client) !== uidValidity) {
    for (const request of batch)
      request.resolve(
        request.messageId === null ? false : await markAnsweredByMessageId(client, request.messageId),
      );
    return [];
  }
  const { marked, again } = await markUidsAnswered(client, batch);
  const storeAgain = new Set(again.map((entry) => entry.uid));
  const retried: Request[] = [];
  for (const request of batch) {
    if (storeAgain.has(request.uid) && !request.storedBefore)
      retried.push({ ...request, storedBefore: true });
    else request.resolve(marked.has(request.uid));
  }
  return retried;
}
