import type { ImapFlow } from 'imapflow';
import { TriageError } from '../../errors/triage-error.ts';
import type { MailRemoval } from '../../ports/erasure-ports.ts';
import { messageIdSearch, searchCurrent } from './search-current.ts';

/**
 * Deletes (flag \Deleted and expunge those UIDs) or moves the messages with these Message-IDs in the selected
 * folder; returns how many it found. An id that cannot be searched for safely is skipped (see messageIdSearch).
 */
export async function removeMessages(
  client: ImapFlow,
  messageIds: readonly string[],
  removal: Exclude<MailRemoval, { action: 'keep' }>,
): Promise<number> {
  const uids = new Set<number>();
  for (const messageId of messageIds) {
    const query = messageIdSearch(messageId);
    if (query === null) continue;
    for (const uid of await searchCurrent(client, query)) uids.add(uid);
  }
  if (uids.size === 0) return 0;
  const range = [...uids].join(',');
  const done =
    removal.action === 'delete'
      ? await client.messageDelete(range, { uid: true })
      : await client.messageMove(range, removal.folder, { uid: true });
  // imapflow answers false when the server refused (a folder that does not exist, over quota, connection lost).
  if (!done)
    throw new TriageError('imap-unavailable', `the server refused to ${removal.action} the messages`);
  return uids.size;
}
