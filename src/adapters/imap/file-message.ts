import type { CopyResponseObject, ImapFlow } from 'imapflow';
import { TriageError } from '../../errors/triage-error.ts';
import { filingFolder } from '../../mailbox/filing-folder.ts';
import type { FiledUid, FilingOutcome, MessageLocation } from '../../ports/mailbox-gateway.ts';
import { messageIdSearch, searchCurrent } from './search-current.ts';

/**
 * Moves a message from the selected (watched) folder into `<filing>/<vacancy>` (`<filing>` itself when the vacancy
 * is null: the review folder), creating the folder when needed,
 * and reports its UID there when the server tells it (UIDPLUS). Idempotent. With UIDPLUS and the UIDVALIDITY the
 * message was queued under, that is one UID MOVE whose COPYUID answer tells moved from not found; otherwise the
 * message is searched for first (by UID, or by Message-ID after a UIDVALIDITY change). imapflow uses COPY +
 * delete + EXPUNGE on a server without MOVE.
 */
export async function fileMessage(
  client: ImapFlow,
  where: MessageLocation,
  target: { filing: string; vacancy: string | null },
): Promise<FilingOutcome> {
  const namespace = client.namespace ?? { prefix: '', delimiter: '/' };
  const folder = filingFolder(
    target.filing,
    { prefix: namespace.prefix ?? '', delimiter: namespace.delimiter ?? null },
    target.vacancy,
  );
  const sameFolder = client.mailbox !== false && String(client.mailbox.uidValidity) === where.uidValidity;
  if (sameFolder && client.capabilities.has('UIDPLUS')) return moveByUid(client, where.uid, folder);
  const uids = await locate(client, where, sameFolder);
  if (uids.length === 0) return { status: 'not-found', folder };
  await ensureFolder(client, folder);
  const moved = await move(client, uids, folder);
  return { status: 'moved', folder, filed: filedUid(moved, uids[0]) };
}

async function moveByUid(client: ImapFlow, uid: number, folder: string): Promise<FilingOutcome> {
  await ensureFolder(client, folder);
  let moved = await move(client, [uid], folder);
  if (!moved.uidMap?.has(uid)) {
    // No COPYUID: no such UID in this session's view. A message appended since this connection's last command is
    // not in it until a NOOP brings the EXISTS; only a second empty answer means it is gone (filed earlier).
    await client.noop();
    moved = await move(client, [uid], folder);
  }
  if (!moved.uidMap?.has(uid)) return { status: 'not-found', folder };
  return { status: 'moved', folder, filed: filedUid(moved, uid) };
}

async function move(client: ImapFlow, uids: readonly number[], folder: string): Promise<CopyResponseObject> {
  const moved = await client.messageMove(uids.join(','), folder, { uid: true });
  if (!moved) {
    // imapflow answers false when the server refused (folder deleted meanwhile, over quota, connection lost).
    knownFolders.get(client)?.delete(folder);
    throw new TriageError('imap-unavailable', `moving the message to ${folder} was refused; will retry`);
  }
  return moved;
}

function filedUid(moved: CopyResponseObject, uid: number | undefined): FiledUid | null {
  const newUid = uid === undefined ? undefined : moved.uidMap?.get(uid);
  if (newUid === undefined || moved.uidValidity === undefined) return null;
  return { uidValidity: String(moved.uidValidity), uid: newUid };
}

async function locate(client: ImapFlow, where: MessageLocation, sameFolder: boolean): Promise<number[]> {
  if (sameFolder) {
    const found = await searchCurrent(client, { uid: String(where.uid) });
    return found.filter((uid) => uid === where.uid);
  }
  const query = where.messageId === null ? null : messageIdSearch(where.messageId);
  return query === null ? [] : searchCurrent(client, query);
}

// Folders known to exist, per connection: one CREATE per folder and connection, not one per message.
const knownFolders = new WeakMap<ImapFlow, Set<string>>();

async function ensureFolder(client: ImapFlow, folder: string): Promise<void> {
  const known = knownFolders.get(client) ?? new Set<string>();
  knownFolders.set(client, known);
  if (known.has(folder)) return;
  // imapflow subscribes a folder it created (so mail clients that list subscribed folders show it), and answers
  // created: false when the folder exists already.
  await client.mailboxCreate(folder);
  known.add(folder);
}
