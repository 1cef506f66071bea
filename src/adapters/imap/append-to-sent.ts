import type { ImapFlow } from 'imapflow';

/** Appends a sent message to the mailbox's Sent folder (special-use \Sent, else one named "Sent"), as read. */
export async function appendToSent(client: ImapFlow, raw: Buffer): Promise<string> {
  const folders = await client.list();
  const sent =
    folders.find((folder) => folder.specialUse === '\\Sent')?.path ??
    folders.find((folder) => /^(inbox[./])?sent( items| messages)?$/i.test(folder.path))?.path ??
    'Sent';
  if (!folders.some((folder) => folder.path === sent)) await client.mailboxCreate(sent);
  await client.append(sent, raw, ['\\Seen']);
  return sent;
}
