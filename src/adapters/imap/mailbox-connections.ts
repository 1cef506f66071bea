import type { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MailboxLogins } from '../oauth/mailbox-logins.ts';
import type { ConnectionSlotSource } from '../redis/connection-slots.ts';
import { connectImap } from './connect-imap.ts';
import { parseImapError } from './parse-imap-error.ts';

/** A connection unused this long is logged out, so that its slot under the mailbox's cap goes back. */
const IDLE_CLOSE_MS = 30_000;

/**
 * What a connection of the workers is for: `worker` stays on the watched folder (fetch, file, the watcher's sync
 * passes), `flags` on the folder messages were filed in (\Answered), so neither switches folders per message.
 */
export type ConnectionPurpose = 'worker' | 'flags';

/**
 * Up to two IMAP connections per mailbox for the workers of this process, one per purpose (separate from the
 * watcher's IDLE connection), opened on first use (under the mailbox's cap when `slots` is given), replaced by a
 * fresh client whenever the old one is no longer usable, and logged out after 30 s unused.
 */
export class MailboxConnections {
  private readonly clients = new Map<string, Promise<ImapFlow>>();
  private readonly usage = new Map<string, { busy: number; idle?: NodeJS.Timeout }>();
  private readonly mailboxes: ReadonlyMap<string, MailboxConfig>;
  private readonly logger: Logger;
  private readonly maxMessageBytes: number;
  private readonly logins: MailboxLogins;
  private readonly slots: ConnectionSlotSource | undefined;

  constructor(
    mailboxes: readonly MailboxConfig[],
    logger: Logger,
    maxMessageBytes: number,
    logins: MailboxLogins,
    slots?: ConnectionSlotSource,
  ) {
    this.mailboxes = new Map(mailboxes.map((mailbox) => [mailbox.id, mailbox]));
    this.logger = logger.child({ component: 'imap-workers' });
    this.maxMessageBytes = maxMessageBytes;
    this.logins = logins;
    this.slots = slots;
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
    const key = connectionKey(mailboxId, purpose);
    const done = this.use(key);
    try {
      return await this.workOn(mailboxId, purpose, folder, work);
    } finally {
      done();
    }
  }

  private async workOn<T>(
    mailboxId: string,
    purpose: ConnectionPurpose,
    folder: string,
    work: (client: ImapFlow) => Promise<T>,
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
    for (const usage of this.usage.values()) clearTimeout(usage.idle);
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
    const key = connectionKey(mailboxId, purpose);
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
      slots: this.slots,
    });
    this.clients.set(key, opening);
    opening.catch(() => this.clients.delete(key));
    return opening;
  }

  // Counts the work in progress on a connection; the last to finish starts its idle timer.
  private use(key: string): () => void {
    const usage = this.usage.get(key) ?? { busy: 0 };
    this.usage.set(key, usage);
    clearTimeout(usage.idle);
    usage.busy += 1;
    return () => {
      usage.busy -= 1;
      if (usage.busy === 0) usage.idle = setTimeout(() => void this.closeIdle(key), IDLE_CLOSE_MS).unref();
    };
  }

  private async closeIdle(key: string): Promise<void> {
    const opening = this.clients.get(key);
    if (!opening) return;
    this.clients.delete(key);
    const client = await opening.catch(() => null);
    if (client?.usable) await client.logout().catch(() => client.close());
  }
}

function connectionKey(mailboxId: string, purpose: ConnectionPurpose): string {
  return `${mailboxId}\n${purpose}`;
}
