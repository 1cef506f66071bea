import type { MailboxConfig } from '../../config/schema.ts';
import type {
  AnsweredMessage,
  FetchedMessage,
  FilingOutcome,
  MailboxGateway,
  MessageLocation,
} from '../../ports/mailbox-gateway.ts';
import { appendToSent } from './append-to-sent.ts';
import { fetchMessage } from './fetch-message.ts';
import { fileMessage } from './file-message.ts';
import type { MailboxConnections } from './mailbox-connections.ts';
import { markAnswered } from './mark-answered.ts';

/**
 * The stages' mailbox operations over this process's IMAP connections: fetch and file on the mailbox's worker
 * connection (on the watched folder), \Answered in a filing folder on its flags connection (which stays there).
 */
export class ImapMailboxGateway implements MailboxGateway {
  private readonly connections: MailboxConnections;
  private readonly limits: { maxMessageBytes: number; maxAttachments: number };

  constructor(connections: MailboxConnections, limits: { maxMessageBytes: number; maxAttachments: number }) {
    this.connections = connections;
    this.limits = limits;
  }

  fetch(
    mailbox: MailboxConfig,
    where: { uidValidity: string; uid: number; size?: number | undefined },
  ): Promise<FetchedMessage> {
    return this.connections.withFolder(mailbox.id, mailbox.watch, (client) =>
      fetchMessage(client, where, this.limits),
    );
  }

  file(mailbox: MailboxConfig, where: MessageLocation, vacancy: string): Promise<FilingOutcome> {
    return this.connections.withFolder(mailbox.id, mailbox.watch, (client) =>
      fileMessage(client, where, { filing: mailbox.filing, vacancy }),
    );
  }

  async markAnswered(mailbox: MailboxConfig, message: AnsweredMessage): Promise<void> {
    const purpose = message.folder === mailbox.watch ? 'worker' : 'flags';
    await this.connections.withFolder(
      mailbox.id,
      message.folder,
      (client) => markAnswered(client, message),
      purpose,
    );
  }

  async appendToSent(mailbox: MailboxConfig, raw: Buffer): Promise<void> {
    await this.connections.withFolder(mailbox.id, mailbox.watch, (client) => appendToSent(client, raw));
  }
}
