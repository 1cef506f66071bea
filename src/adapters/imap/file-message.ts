import type { ImapFlow } from 'imapflow';
import { TriageError } from '../../errors/triage-error.ts';
import { filingFolder } from '../../mailbox/filing-folder.ts';
import type { FilingOutcome, MessageLocation } from '../../ports/mailbox-gateway.ts';
import { messageIdSearch, searchCurrent } from './search-current.ts';

/**
 * Moves a message from the selected (watched) folder into `<filing>/<vacancy>`, creating the folder when needed.
 * imapflow uses MOVE when the server has it and COPY + delete + (UID) EXPUNGE otherwise. Idempotent.
 */
export async function fileMessage(
  client: ImapFlow,
  where: MessageLocation,
  target: { filing: string; vacancy: string },
): Promise<FilingOutcome> {
  const namespace = client.namespace ?? { prefix: '', delimiter: '/' };
  const folder = filingFolder(
    target.filing,
    { prefix: namespace.prefix ?? '', delimiter: namespace.delimiter ?? null },
    target.vacancy,
  );
  const uids = await locate(client, where);
  if (uids.length === 0) return { status: 'not-found', folder };
  await ensureFolder(client, folder);
  const moved = await client.messageMove(uids.join(','), folder, { uid: true });
  if (!moved) {
    // imapflow answers false when the server refused (folder deleted meanwhile, over quota, connection lost).
    knownFolders.get(client)?.delete(folder);
    throw new TriageError('imap-unavailable', `moving the message to ${folder} was refused; will retry`);
  }
  return { status: 'moved', folder };
}

async function locate(client: ImapFlow, where: MessageLocation): Promise<number[]> {
  if (client.mailbox !== false && String(client.mailbox.uidValidity) === where.uidValidity) {
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
  const result = await client.mailboxCreate(folder); // answers created: false when it exists already
  if (result.created) await client.mailboxSubscribe(folder).catch(() => false);
  known.add(folder);
}
