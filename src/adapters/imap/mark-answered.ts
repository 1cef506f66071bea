import type { ImapFlow } from 'imapflow';
import type { FiledUid } from '../../ports/mailbox-gateway.ts';
import { messageIdSearch, searchCurrent } from './search-current.ts';

const ANSWERED = '\\Answered';

/**
 * Sets \Answered on a message of the selected folder: by its UID when the folder's UIDVALIDITY is the one filing
 * reported, else by its Message-ID (a search). False when it is not there (moved or deleted by someone), or when
 * the id cannot be searched for (see messageIdSearch).
 */
export async function markAnswered(
  client: ImapFlow,
  message: { filed?: FiledUid | undefined; messageId: string | null },
): Promise<boolean> {
  const { filed } = message;
  if (filed !== undefined && selectedUidValidity(client) === filed.uidValidity) {
    const first = await markUidsAnswered(client, [{ uid: filed.uid, storedBefore: false }]);
    if (first.again.length === 0) return first.marked.has(filed.uid);
    return (await markUidsAnswered(client, first.again)).marked.has(filed.uid);
  }
  return message.messageId === null ? false : markAnsweredByMessageId(client, message.messageId);
}

/** The selected folder's UIDVALIDITY, as filing reports it; null when no folder is selected. */
export function selectedUidValidity(client: ImapFlow): string | null {
  return client.mailbox === false ? null : String(client.mailbox.uidValidity);
}

/** Sets \Answered on the messages of the selected folder with this Message-ID; false when there are none. */
export async function markAnsweredByMessageId(client: ImapFlow, messageId: string): Promise<boolean> {
  const query = messageIdSearch(messageId);
  if (query === null) return false;
  const uids = await searchCurrent(client, query);
  if (uids.length === 0) return false;
  await storeAnswered(client, uids);
  return true;
}

/** A UID to mark, and whether a STORE for it was sent before (one that reported no change). */
export interface UidToMark {
  uid: number;
  storedBefore: boolean;
}

/**
 * One UID STORE for all of `uids` in the selected folder. The server reports each message whose flags it changed;
 * no report means the message is not in this session's view yet (moved here since the connection's last command:
 * the STORE's own answer or a NOOP brings it), \Answered was set already (a retried job), or it is gone. A UID
 * stored for the first time comes back in `again`, now in view, to be stored once more (alone or with others);
 * one stored before is settled by one FETCH of its flags. So a UID takes at most two STOREs, never a loop.
 */
export async function markUidsAnswered(
  client: ImapFlow,
  uids: readonly UidToMark[],
): Promise<{ marked: Set<number>; again: UidToMark[] }> {
  const { changed, viewGrew } = await storeAnswered(client, [...new Set(uids.map((entry) => entry.uid))]);
  const unchanged = uids.filter((entry) => !changed.has(entry.uid));
  const settle = unchanged.filter((entry) => entry.storedBefore).map((entry) => entry.uid);
  const again = unchanged
    .filter((entry) => !entry.storedBefore)
    .map((entry) => ({ uid: entry.uid, storedBefore: true }));
  for (const uid of await answeredAmong(client, settle)) changed.add(uid);
  if (again.length > 0 && !viewGrew) await client.noop();
  return { marked: changed, again };
}

/** Those of `uids` that are in the selected folder with \Answered set: one FETCH of their flags. */
async function answeredAmong(client: ImapFlow, uids: readonly number[]): Promise<number[]> {
  if (uids.length === 0) return [];
  const found = await client.fetchAll(uids.join(','), { uid: true, flags: true }, { uid: true });
  return found
    .filter((message) => uids.includes(message.uid) && message.flags?.has(ANSWERED) === true)
    .map((message) => message.uid);
}

async function storeAnswered(
  client: ImapFlow,
  uids: readonly number[],
): Promise<{ changed: Set<number>; viewGrew: boolean }> {
  const changed = new Set<number>();
  let viewGrew = false;
  const onFlags = (update: { uid?: number; flags?: Set<string> }) => {
    if (update.uid !== undefined && update.flags?.has(ANSWERED)) changed.add(update.uid);
  };
  const onExists = () => {
    viewGrew = true;
  };
  client.on('flags', onFlags);
  client.on('exists', onExists);
  try {
    // False when the server refused (a read-only folder): reported as "not marked", as a retry would not help.
    await client.messageFlagsAdd(uids.join(','), [ANSWERED], { uid: true });
  } finally {
    client.off('flags', onFlags);
    client.off('exists', onExists);
  }
  return { changed, viewGrew };
}
