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
  if (
    filed !== undefined &&
    client.mailbox !== false &&
    String(client.mailbox.uidValidity) === filed.uidValidity
  )
    return markAnsweredByUid(client, filed.uid);
  const query = message.messageId === null ? null : messageIdSearch(message.messageId);
  if (query === null) return false;
  const uids = await searchCurrent(client, query);
  if (uids.length === 0) return false;
  await storeAnswered(client, uids.join(','));
  return true;
}

/**
 * One UID STORE when the message is in this session's view. The server reports each message whose flags it
 * changed; no report means the message is not in the view yet (moved here since this connection's last command:
 * the STORE's own answer or a NOOP brings it), \Answered was set already (a retried job), or it is gone.
 */
async function markAnsweredByUid(client: ImapFlow, uid: number): Promise<boolean> {
  const first = await storeAnswered(client, String(uid));
  if (first.changed.has(uid)) return true;
  if (!first.viewGrew) await client.noop();
  if ((await storeAnswered(client, String(uid))).changed.has(uid)) return true;
  const found = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
  return found !== false && found.uid === uid && found.flags?.has(ANSWERED) === true;
}

async function storeAnswered(
  client: ImapFlow,
  uids: string,
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
    await client.messageFlagsAdd(uids, [ANSWERED], { uid: true });
  } finally {
    client.off('flags', onFlags);
    client.off('exists', onExists);
  }
  return { changed, viewGrew };
}
