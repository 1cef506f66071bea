import type { ImapFlow } from 'imapflow';
import { messageIdSearch, searchCurrent } from './search-current.ts';

/**
 * Sets \Answered on the message with this Message-ID in the selected folder. False when it is not there, or when
 * the id cannot be searched for (see messageIdSearch).
 */
export async function markAnswered(client: ImapFlow, messageId: string): Promise<boolean> {
  const query = messageIdSearch(messageId);
  if (query === null) return false;
  const uids = await searchCurrent(client, query);
  if (uids.length === 0) return false;
  await client.messageFlagsAdd(uids.join(','), ['\\Answered'], { uid: true });
  return true;
}
