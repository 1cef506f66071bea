import type { ImapFlow } from 'imapflow';
import { searchCurrent } from './search-current.ts';

/** Sets \Answered on the message with this Message-ID in the selected folder. False when it is not there. */
export async function markAnswered(client: ImapFlow, messageId: string): Promise<boolean> {
  const uids = await searchCurrent(client, { header: { 'message-id': messageId } });
  if (uids.length === 0) return false;
  await client.messageFlagsAdd(uids.join(','), ['\\Answered'], { uid: true });
  return true;
}
