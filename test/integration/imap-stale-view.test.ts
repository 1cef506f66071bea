import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { fileMessage } from '../../src/adapters/imap/file-message.ts';
import { markAnswered } from '../../src/adapters/imap/mark-answered.ts';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openImapTestClient, type ImapTestClient } from '../support/imap-test-client.ts';

// A worker's connection keeps a folder selected between jobs. Mail appended meanwhile by another session is
// invisible to it until the server announces it, which a bare UID SEARCH does not trigger.
let dovecot: DovecotServer;
let worker: ImapFlow;
let other: ImapTestClient;

beforeAll(async () => {
  dovecot = await startDovecot();
  const login = await dovecot.createUser('stale');
  worker = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: login,
    logger: false,
  });
  worker.on('error', () => undefined);
  await worker.connect();
  other = await openImapTestClient(dovecot, login);
});

afterAll(async () => {
  await other.close();
  await worker.logout();
  await dovecot.stop();
});

async function appendedElsewhere(messageId: string): Promise<number> {
  const appended = await other.client.append('INBOX', await buildMail({ messageId }));
  if (appended === false) throw new Error('append refused');
  return appended.uid ?? 0;
}

describe('IMAP operations on a connection that has a folder selected', () => {
  it('files a message appended by another session since its last command', async () => {
    await worker.mailboxOpen('INBOX');
    const uid = await appendedElsewhere('<late@example.org>');
    const location = {
      uidValidity: String(worker.mailbox && worker.mailbox.uidValidity),
      uid,
      messageId: null,
    };
    const outcome = await fileMessage(worker, location, { filing: 'Applications', vacancy: 'robust-ai' });
    expect(outcome.status).toBe('moved');
    expect(await other.messageIds('INBOX')).toEqual([]);
    expect(await other.messageIds(outcome.folder)).toEqual(['<late@example.org>']);
  });

  it('marks \\Answered by UID on a message moved into the selected folder since its last command', async () => {
    await other.client.mailboxCreate('Filed');
    await worker.mailboxOpen('Filed');
    const uidValidity = String(worker.mailbox && worker.mailbox.uidValidity);
    const appended = await other.client.append(
      'Filed',
      await buildMail({ messageId: '<filed-late@example.org>' }),
    );
    if (appended === false || appended.uid === undefined) throw new Error('append refused');
    const filed = { uidValidity, uid: appended.uid };
    expect(await markAnswered(worker, { filed, messageId: null })).toBe(true);
    const lock = await other.client.getMailboxLock('Filed');
    try {
      const flags = await other.client.fetchOne(String(appended.uid), { flags: true }, { uid: true });
      expect(flags && flags.flags?.has('\\Answered')).toBe(true);
    } finally {
      lock.release();
    }
  });

  it('marks \\Answered on a message that arrived in the selected folder since its last command', async () => {
    await worker.mailboxOpen('INBOX');
    await appendedElsewhere('<answered@example.org>');
    expect(await markAnswered(worker, { messageId: '<answered@example.org>' })).toBe(true);
  });
});
