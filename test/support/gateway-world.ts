import { ImapMailboxGateway } from '../../src/adapters/imap/imap-mailbox-gateway.ts';
import { MailboxConnections } from '../../src/adapters/imap/mailbox-connections.ts';
import { MailboxLogins } from '../../src/adapters/oauth/mailbox-logins.ts';
import type { MailboxConfig } from '../../src/config/schema.ts';
import type { FilingOutcome, FiledUid } from '../../src/ports/mailbox-gateway.ts';
import { buildMail } from './build-mail.ts';
import { captureLogs } from './capture-logs.ts';
import type { DovecotServer } from './dovecot.ts';
import { openImapTestClient, type ImapTestClient } from './imap-test-client.ts';
import { testConfig } from './test-config.ts';

/** The gateway of one fresh Dovecot user, reached through `port` (a counting proxy), and that user's mail client. */
export interface GatewayWorld {
  gateway: ImapMailboxGateway;
  connections: MailboxConnections;
  mailbox: MailboxConfig;
  mail: ImapTestClient;
  /** The filing folder of the vacancy robust-ai. */
  folder: string;
  close(): Promise<void>;
}

/** Creates the user `name` and opens the gateway (its IMAP connections open on first use) and a mail client. */
export async function openGatewayWorld(
  dovecot: DovecotServer,
  port: number,
  name: string,
): Promise<GatewayWorld> {
  const login = await dovecot.createUser(name);
  const imap = { host: '127.0.0.1', port, ...login };
  const config = testConfig({ imap, smtpPort: 1, prefix: `unused-${name}` });
  const mailbox = config.mailboxes[0];
  if (!mailbox) throw new Error('no mailbox');
  const connections = new MailboxConnections(
    config.mailboxes,
    captureLogs().logger,
    config.limits.maxMessageBytes,
    new MailboxLogins(null),
  );
  const mail = await openImapTestClient(dovecot, login);
  return {
    gateway: new ImapMailboxGateway(connections, config.limits),
    connections,
    mailbox,
    mail,
    folder: 'Applications.robust-ai',
    close: async () => {
      await mail.close();
      await connections.closeAll();
    },
  };
}

/** Appends a message to INBOX as mail arrives, fetches it as the ingest stage does, then files it. */
export async function arriveAndFile(
  w: GatewayWorld,
  messageId: string,
): Promise<{ where: { uidValidity: string; uid: number }; outcome: FilingOutcome }> {
  const appended = await w.mail.client.append('INBOX', await buildMail({ messageId }));
  if (appended === false || appended.uid === undefined || appended.uidValidity === undefined)
    throw new Error('append refused');
  const where = { uidValidity: String(appended.uidValidity), uid: appended.uid };
  const fetched = await w.gateway.fetch(w.mailbox, where);
  if (fetched.status !== 'ok') throw new Error(`fetch: ${fetched.status}`);
  return { where, outcome: await w.gateway.file(w.mailbox, { ...where, messageId }, 'robust-ai') };
}

/** Where filing put the message: its UID in the filing folder and that folder's UIDVALIDITY. */
export function filedOf(outcome: FilingOutcome): FiledUid {
  if (outcome.status !== 'moved' || outcome.filed === null) throw new Error(`not moved: ${outcome.status}`);
  return outcome.filed;
}

/** The message at this UID of a folder as a mail client sees it, and the folder's UIDVALIDITY. */
export async function atUid(
  w: GatewayWorld,
  folder: string,
  uid: number,
): Promise<{ uidValidity: string; messageId: string | null; answered: boolean }> {
  const lock = await w.mail.client.getMailboxLock(folder);
  try {
    await w.mail.client.noop();
    const found = await w.mail.client.fetchOne(String(uid), { envelope: true, flags: true }, { uid: true });
    const uidValidity = w.mail.client.mailbox === false ? '' : String(w.mail.client.mailbox.uidValidity);
    if (found === false) return { uidValidity, messageId: null, answered: false };
    return {
      uidValidity,
      messageId: found.envelope?.messageId ?? null,
      answered: found.flags?.has('\\Answered') === true,
    };
  } finally {
    lock.release();
  }
}

/** Moves a message of the filing folder elsewhere, as a supervisor tidying up would. */
export async function moveAway(w: GatewayWorld, uid: number, to: string): Promise<void> {
  const lock = await w.mail.client.getMailboxLock(w.folder);
  try {
    await w.mail.client.messageMove(String(uid), to, { uid: true });
  } finally {
    lock.release();
  }
}
