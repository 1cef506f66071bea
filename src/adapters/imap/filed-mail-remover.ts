import type { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import { isTriageError } from '../../errors/triage-error.ts';
import type { MailboxConnections } from './mailbox-connections.ts';
import type { MailRemoval } from '../../ports/erasure-ports.ts';
import { removeMessages } from './remove-messages.ts';

/**
 * Deletes or moves filed messages over the workers' connections when their candidates' data is erased. A move's
 * folder is a path with "/" (e.g. `Applications/_expired`), placed in the server's personal namespace with its
 * delimiter and created when missing; a mailbox no longer configured or a folder that is gone holds nothing.
 */
export class FiledMailRemover {
  private readonly connections: MailboxConnections;
  private readonly mailboxes: ReadonlyMap<string, MailboxConfig>;

  constructor(connections: MailboxConnections, mailboxes: readonly MailboxConfig[]) {
    this.connections = connections;
    this.mailboxes = new Map(mailboxes.map((mailbox) => [mailbox.id, mailbox]));
  }

  /** Deletes or moves the messages with these Message-IDs in `folder`; how many it found. */
  async remove(
    mailboxId: string,
    folder: string,
    messageIds: readonly string[],
    removal: Exclude<MailRemoval, { action: 'keep' }>,
  ): Promise<number> {
    if (!this.mailboxes.has(mailboxId)) return 0;
    try {
      return await this.connections.withFolder(mailboxId, folder, async (client) =>
        removeMessages(
          client,
          messageIds,
          removal.action === 'move'
            ? { action: 'move', folder: await ensureFolder(client, removal.folder) }
            : removal,
        ),
      );
    } catch (error) {
      if (isTriageError(error, 'imap-mailbox-missing')) return 0;
      throw error;
    }
  }
}

// The folder as this server spells it (in its personal namespace, with its delimiter, as filing folders are),
// created and subscribed when it does not exist (a MOVE to a missing folder is refused).
async function ensureFolder(client: ImapFlow, path: string): Promise<string> {
  const namespace = client.namespace ?? { prefix: '', delimiter: '/' };
  const prefix = namespace.prefix ?? '';
  const base = path.split('/').join(namespace.delimiter || '/');
  const folder = prefix === '' || base.startsWith(prefix) ? base : `${prefix}${base}`;
  const result = await client.mailboxCreate(folder);
  if (result.created) await client.mailboxSubscribe(folder).catch(() => false);
  return folder;
}
