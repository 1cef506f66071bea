import type { ImapFlow } from 'imapflow';
import { findSentFolder } from './sent-recipients.ts';

/** Appends a sent message to the mailbox's Sent folder (special-use \Sent, else one named "Sent"), as read. */
export async function appendToSent(client: ImapFlow, raw: Buffer): Promise<string> {
  const found = await findSentFolder(client);
  const sent = found ?? 'Sent';
  if (found === null) await client.mailboxCreate(sent);
  await client.append(sent, raw, ['\\Seen']);
  return sent;
}
