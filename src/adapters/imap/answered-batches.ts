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
  waiting: Request[];
}

/**
 * Group commit for \Answered by UID: per mailbox, folder and UIDVALIDITY, the first request is stored at once, and
 * the requests that arrive while a STORE is in flight go together in one UID STORE when it finishes (no timer, so
 * an idle daemon waits for nothing). Each batch runs under one folder lock; each caller learns whether its own
 * message was marked. A UID the server reported no change for joins the next batch once (see markUidsAnswered).
 */
export class AnsweredBatches {
  private readonly groups = new Map<string, Group>();
  private readonly withFolder: WithAnsweredFolder;

  constructor(withFolder: WithAnsweredFolder) {
    this.withFolder = withFolder;
  }

  /**
   * Sets \Answered on the message filed at `filed` in `folder`; by its Message-ID when the folder's UIDVALIDITY
   * has changed since. False when it is not there.
   */
  mark(mailbox: MailboxConfig, folder: string, filed: FiledUid, messageId: string | null): Promise<boolean> {
    const key = JSON.stringify([mailbox.id, folder, filed.uidValidity]);
    return new Promise((resolve, reject) => {
      const request = { uid: filed.uid, storedBefore: false, messageId, resolve, reject };
      const group = this.groups.get(key);
      if (group) {
        group.waiting.push(request);
        return;
      }
      const created = { mailbox, folder, uidValidity: filed.uidValidity, waiting: [request] };
      this.groups.set(key, created);
      void this.drain(key, created);
    });
  }

  /** Sends the group's batches one after another until nobody waits; a batch is what waited when its lock came. */
  private async drain(key: string, group: Group): Promise<void> {
    while (group.waiting.length > 0) {
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
