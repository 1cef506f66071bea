import type { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MailboxLogins } from '../oauth/mailbox-logins.ts';
import { connectImap } from './connect-imap.ts';
import { parseImapError } from './parse-imap-error.ts';

/**
 * One IMAP connection per mailbox for the workers of this process (separate from the watcher's IDLE connection),
 * opened on first use and replaced by a fresh client whenever the old one is no longer usable.
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

  /** Runs `work` with `folder` selected and locked on the mailbox's connection; IMAP errors become TriageErrors. */
  async withFolder<T>(mailboxId: string, folder: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = await this.client(mailboxId);
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

  private async client(mailboxId: string): Promise<ImapFlow> {
    const existing = this.clients.get(mailboxId);
    if (existing) {
      const client = await existing.catch(() => null);
      if (client?.usable) return client;
      this.clients.delete(mailboxId);
    }
    const mailbox = this.mailboxes.get(mailboxId);
    if (!mailbox) throw new Error(`unknown mailbox ${mailboxId}`);
    const opening = connectImap(mailbox, this.logger, {
      maxMessageBytes: this.maxMessageBytes,
      purpose: 'worker',
      logins: this.logins,
    });
    this.clients.set(mailboxId, opening);
    opening.catch(() => this.clients.delete(mailboxId));
    return opening;
  }
}
