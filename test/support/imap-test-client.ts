import { ImapFlow } from 'imapflow';

/** A test-side IMAP client for appending mail and looking at folders as a user's mail client would. */
export interface ImapTestClient {
  append(raw: Buffer, folder?: string): Promise<void>;
  /** The Message-IDs in a folder ([] when the folder does not exist). */
  messageIds(folder: string): Promise<string[]>;
  /** The folders that exist. */
  folders(): Promise<string[]>;
  client: ImapFlow;
  close(): Promise<void>;
}

/** Logs in as a test user. */
export async function openImapTestClient(
  server: { host: string; port: number },
  login: { user: string; pass: string },
): Promise<ImapTestClient> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: login,
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  return {
    client,
    append: async (raw, folder = 'INBOX') => {
      await client.append(folder, raw);
    },
    messageIds: async (folder) => {
      if (!client.usable) throw new Error('the test IMAP client is closed');
      const exists = (await client.list()).some((entry) => entry.path === folder);
      if (!exists) return [];
      const status = await client.status(folder, { messages: true });
      if (status === false || !status.messages) return [];
      const lock = await client.getMailboxLock(folder);
      try {
        // A server does not report expunges during FETCH: without a NOOP, a folder this client already has
        // selected would still list messages the daemon has moved out since.
        await client.noop();
        if (client.mailbox === false || client.mailbox.exists === 0) return [];
        const messages = await client.fetchAll('1:*', { envelope: true });
        return messages.map((message) => message.envelope?.messageId ?? '');
      } finally {
        lock.release();
      }
    },
    folders: async () => (await client.list()).map((entry) => entry.path),
    close: async () => {
      await client.logout().catch(() => client.close());
    },
  };
}
