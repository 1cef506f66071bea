import type { MailboxConfig } from '../../config/schema.ts';
import type {
  AnsweredMessage,
  FetchedMessage,
  FilingOutcome,
  MailboxGateway,
  MessageLocation,
} from '../../ports/mailbox-gateway.ts';
import type { AttachmentSpool } from '../../mail/attachment-spool.ts';
import { AnsweredBatches } from './answered-batches.ts';
import { appendToSent } from './append-to-sent.ts';
import { fetchMessage } from './fetch-message.ts';
import { fileMessage } from './file-message.ts';
import type { ConnectionPurpose, MailboxConnections } from './mailbox-connections.ts';
import { markAnswered } from './mark-answered.ts';
import { reviewFolderOf } from '../../mailbox/filing-folder.ts';

/**
 * The stages' mailbox operations over this process's IMAP connections: fetch and file on the mailbox's worker
 * connection (on the watched folder), \Answered in a filing folder on its flags connection (which stays there),
 * by UID in batches: the replies marked while a STORE is in flight go together in the next one.
 */
export class ImapMailboxGateway implements MailboxGateway {
  private readonly connections: MailboxConnections;
  private readonly limits: { maxMessageBytes: number; maxAttachments: number };
  private readonly answered: AnsweredBatches;
  private readonly spool: AttachmentSpool | null;

  /** `spool`: where fetched messages' large attachments are decoded to (none: they stay in memory). */
  constructor(
    connections: MailboxConnections,
    limits: { maxMessageBytes: number; maxAttachments: number },
    spool: AttachmentSpool | null = null,
  ) {
    this.connections = connections;
    this.limits = limits;
    this.spool = spool;
    this.answered = new AnsweredBatches((mailbox, folder, work) =>
      connections.withFolder(mailbox.id, folder, work, answeringPurpose(mailbox, folder)),
    );
  }

  fetch(
    mailbox: MailboxConfig,
    where: { uidValidity: string; uid: number; size?: number | undefined },
  ): Promise<FetchedMessage> {
    return this.connections.withFolder(mailbox.id, mailbox.watch, (client) =>
      fetchMessage(client, where, this.limits, this.spool?.scope() ?? null),
    );
  }

  file(
    mailbox: MailboxConfig,
    where: MessageLocation,
    vacancy: string,
    options?: { review: boolean },
  ): Promise<FilingOutcome> {
    const target = options?.review
      ? { filing: reviewFolderOf(mailbox), vacancy: null }
      : { filing: mailbox.filing, vacancy };
    return this.connections.withFolder(mailbox.id, mailbox.watch, (client) =>
      fileMessage(client, where, target),
    );
  }

  async markAnswered(mailbox: MailboxConfig, message: AnsweredMessage): Promise<void> {
    if (message.filed !== undefined) {
      await this.answered.mark(mailbox, message.folder, message.filed, message.messageId);
      return;
    }
    await this.connections.withFolder(
      mailbox.id,
      message.folder,
      (client) => markAnswered(client, message),
      answeringPurpose(mailbox, message.folder),
    );
  }

  async appendToSent(mailbox: MailboxConfig, raw: Buffer): Promise<void> {
    await this.connections.withFolder(mailbox.id, mailbox.watch, (client) => appendToSent(client, raw));
  }
}

/** \Answered in the watched folder (enquiries) goes on the worker connection, which is there already. */
function answeringPurpose(mailbox: MailboxConfig, folder: string): ConnectionPurpose {
  return folder === mailbox.watch ? 'worker' : 'flags';
}
