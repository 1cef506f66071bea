import type { ImapFlow } from 'imapflow';
import { messageIdSearch, searchCurrent } from './search-current.ts';

/** What becomes of a person's filed messages when their data is erased: deleted, or moved to a folder. */
export type MailRemoval = { action: 'delete' } | { action: 'move'; folder: string };

/**
 * Deletes (flag \Deleted and expunge those UIDs) or moves the messages with these Message-IDs in the selected
 * folder; returns how many it found. An id that cannot be searched for safely is skipped (see messageIdSearch).
 */
export async function removeMessages(
  client: ImapFlow,
  messageIds: readonly string[],
  removal: MailRemoval,
): Promise<number> {
  const uids = new Set<number>();
  for (const messageId of messageIds) {
    const query = messageIdSearch(messageId);
    if (query === null) continue;
    for (const uid of await searchCurrent(client, query)) uids.add(uid);
  }
  if (uids.size === 0) return 0;
  const range = [...uids].join(',');
  if (removal.action === 'delete') await client.messageDelete(range, { uid: true });
  else await client.messageMove(range, removal.folder, { uid: true });
  return uids.size;
}
