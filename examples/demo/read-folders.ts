import type { ImapFlow } from 'imapflow';

/** One folder as a mail client shows it: where it sits in the tree, and what is in it. */
export interface FolderView {
  path: string;
  name: string;
  depth: number;
  /** The names from the top of the tree down to this folder. */
  segments: string[];
  /** null for a folder that cannot hold messages (\Noselect) or whose STATUS failed. */
  messages: number | null;
  /** The Message-ID of each message in the folder, in folder order ('' for a message without one). */
  messageIds: string[];
}

/**
 * Lists every folder with its message count (LIST, then STATUS per folder, as a mail client does), then reads
 * the Message-IDs in each non-empty folder. INBOX comes first, then the others in tree order.
 */
export async function readFolders(client: ImapFlow): Promise<FolderView[]> {
  const listed = await client.list();
  const folders: FolderView[] = [];
  for (const entry of listed) {
    const selectable = !entry.flags.has('\\Noselect') && !entry.flags.has('\\NonExistent');
    folders.push({
      path: entry.path,
      name: entry.name,
      depth: entry.parent.length,
      segments: [...entry.parent, entry.name],
      messages: selectable ? await countMessages(client, entry.path) : null,
      messageIds: [],
    });
  }
  for (const folder of folders) {
    if (folder.messages) folder.messageIds = await messageIdsIn(client, folder.path);
  }
  return folders.sort((a, b) => Number(b.path === 'INBOX') - Number(a.path === 'INBOX') || treeOrder(a, b));
}

function treeOrder(a: FolderView, b: FolderView): number {
  for (let index = 0; index < Math.min(a.segments.length, b.segments.length); index++) {
    const order = (a.segments[index] ?? '').localeCompare(b.segments[index] ?? '');
    if (order !== 0) return order;
  }
  return a.segments.length - b.segments.length;
}

async function countMessages(client: ImapFlow, path: string): Promise<number | null> {
  const status = await client.status(path, { messages: true }).catch(() => false as const);
  return status === false ? null : (status.messages ?? null);
}

async function messageIdsIn(client: ImapFlow, path: string): Promise<string[]> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const messages = await client.fetchAll('1:*', { uid: true, envelope: true });
    return messages.map((message) => message.envelope?.messageId ?? '');
  } finally {
    lock.release();
  }
}
