import type { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MailboxLogins } from '../oauth/mailbox-logins.ts';
import { connectImap } from './connect-imap.ts';
import { parseImapError } from './parse-imap-error.ts';

/**
 * What a connection of the workers is for: `worker` stays on the watched folder (fetch, file, the watcher's sync
 * passes), `flags` on the folder messages were filed in (\Answered), so neither switches folders per message.
 */
export type ConnectionPurpose = 'worker' | 'flags';

/**
 * Up to two IMAP connections per mailbox for the workers of this process, one per purpose (separate from the
 * watcher's IDLE connection), opened on first use and replaced by a fresh client whenever the old one is no
 * longer usable.
 */
export class MailboxConnections {
  private readonly clients = new Map<string, Promise<ImapFlow>>();
  private readonly mailboxes: ReadonlyMap<string, MailboxConfig>;
  private readonly logger: Logger;
  private readonly maxMessageBytes: number;
  private readonly logins: MailboxLogins;

  constructor(
    mailboxes: readonly MailboxConfig[],
    logger: Logger,
    maxMessageBytes: number,
    logins: MailboxLogins,
  ) {
    this.mailboxes = new Map(mailboxes.map((mailbox) => [mailbox.id, mailbox]));
    this.logger = logger.child({ component: 'imap-workers' });
    this.maxMessageBytes = maxMessageBytes;
    this.logins = logins;
  }

  /**
   * Runs `work` with `folder` selected and locked on the mailbox's connection for `purpose`; IMAP errors become
   * TriageErrors.
   */
  async withFolder<T>(
    mailboxId: string,
    folder: string,
    work: (client: ImapFlow) => Promise<T>,
    purpose: ConnectionPurpose = 'worker',
  ): Promise<T> {
    const client = await this.client(mailboxId, purpose);
    try {
      const lock = await client.getMailboxLock(folder);
      try {
        return await work(client);
      } finally {
        lock.release();
      }
    } catch (error) {
      throw parseImapError(error, `mailbox ${mailboxId} folder ${folder}`);
    }
  }

  /** Logs out of every open connection. */
  async closeAll(): Promise<void> {
    const pending = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(
      pending.map(async (promise) => {
        const client = await promise.catch(() => null);
        if (client?.usable) await client.logout().catch(() => client.close());
      }),
    );
  }

  private async client(mailboxId: string, purpose: ConnectionPurpose): Promise<ImapFlow> {
    const key = `${mailboxId}\n${purpose}`;
    const existing = this.clients.get(key);
    if (existing) {
      const client = await existing.catch(() => null);
      if (client?.usable) return client;
      this.clients.delete(key);
    }
    const mailbox = this.mailboxes.get(mailboxId);
    if (!mailbox) throw new Error(`unknown mailbox ${mailboxId}`);
    const opening = connectImap(mailbox, this.logger, {
      maxMessageBytes: this.maxMessageBytes,
      purpose,
      logins: this.logins,
    });
    this.clients.set(key, opening);
    opening.catch(() => this.clients.delete(key));
    return opening;
  }
}
