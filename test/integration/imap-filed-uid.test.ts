import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImapMailboxGateway } from '../../src/adapters/imap/imap-mailbox-gateway.ts';
import { MailboxConnections } from '../../src/adapters/imap/mailbox-connections.ts';
import { MailboxLogins } from '../../src/adapters/oauth/mailbox-logins.ts';
import type { MailboxConfig } from '../../src/config/schema.ts';
import type { FiledUid } from '../../src/ports/mailbox-gateway.ts';
import { buildMail } from '../support/build-mail.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import {
  countsSince,
  startImapCommandCounter,
  type ImapCommandCounter,
} from '../support/imap-command-counter.ts';
import { openImapTestClient, type ImapTestClient } from '../support/imap-test-client.ts';
import { testConfig } from '../support/test-config.ts';

// The gateway's filing and \Answered over a counting proxy in front of a real Dovecot: what the user sees in
// the folders, and which IMAP commands it took.
let dovecot: DovecotServer;
let counter: ImapCommandCounter;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  counter = await startImapCommandCounter(dovecot);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await counter.close();
  await dovecot.stop();
});

interface World {
  gateway: ImapMailboxGateway;
  mailbox: MailboxConfig;
  mail: ImapTestClient;
  folder: string;
}

async function world(name: string): Promise<World> {
  const login = await dovecot.createUser(name);
  const imap = { host: '127.0.0.1', port: counter.port, ...login };
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
  cleanups.push(
    () => connections.closeAll(),
    () => mail.close(),
  );
  return {
    gateway: new ImapMailboxGateway(connections, config.limits),
    mailbox,
    mail,
    folder: 'Applications.robust-ai',
  };
}

/** Appends a message to INBOX as mail arrives, fetches it as the ingest stage does, then files it. */
async function arriveAndFile(w: World, messageId: string) {
  const appended = await w.mail.client.append('INBOX', await buildMail({ messageId }));
  if (appended === false || appended.uid === undefined || appended.uidValidity === undefined)
    throw new Error('append refused');
  const where = { uidValidity: String(appended.uidValidity), uid: appended.uid };
  expect((await w.gateway.fetch(w.mailbox, where)).status).toBe('ok');
  return { where, outcome: await w.gateway.file(w.mailbox, { ...where, messageId }, 'robust-ai') };
}

/** The message at this UID of a folder as a mail client sees it, and the folder's UIDVALIDITY. */
async function atUid(w: World, folder: string, uid: number) {
  const lock = await w.mail.client.getMailboxLock(folder);
  try {
    await w.mail.client.noop();
    const found = await w.mail.client.fetchOne(String(uid), { envelope: true, flags: true }, { uid: true });
    const uidValidity = w.mail.client.mailbox === false ? '' : String(w.mail.client.mailbox.uidValidity);
    if (found === false) return { uidValidity, messageId: null, answered: false };
    return {
      uidValidity,
      messageId: found.envelope?.messageId ?? null,
      answered: found.flags?.has('\\Answered'),
    };
  } finally {
    lock.release();
  }
}

function filedOf(outcome: Awaited<ReturnType<ImapMailboxGateway['file']>>): FiledUid {
  if (outcome.status !== 'moved' || outcome.filed === null) throw new Error(`not moved: ${outcome.status}`);
  return outcome.filed;
}

describe('filing and \\Answered by UID', () => {
  it('filing reports the UID the message got in the filing folder and that folder UIDVALIDITY', async () => {
    const w = await world('filed-uid');
    const { where, outcome } = await arriveAndFile(w, '<filed-uid@example.org>');
    const filed = filedOf(outcome);
    expect(await atUid(w, w.folder, filed.uid)).toEqual({
      uidValidity: filed.uidValidity,
      messageId: '<filed-uid@example.org>',
      answered: false,
    });
    const before = counter.counts();
    const again = await w.gateway.file(
      w.mailbox,
      { ...where, messageId: '<filed-uid@example.org>' },
      'robust-ai',
    );
    expect(again).toEqual({ status: 'not-found', folder: w.folder });
    // No search: a MOVE, and after its empty answer a NOOP and the MOVE once more.
    expect(countsSince(before, counter.counts())).toEqual({ 'UID MOVE': 2, NOOP: 1 });
  });

  it('sets \\Answered by that UID on the flags connection, which stays on the filing folder', async () => {
    const w = await world('answered-uid');
    const first = filedOf((await arriveAndFile(w, '<first@example.org>')).outcome);
    await w.gateway.markAnswered(w.mailbox, {
      folder: w.folder,
      messageId: '<first@example.org>',
      filed: first,
    });
    const second = filedOf((await arriveAndFile(w, '<second@example.org>')).outcome);
    const before = counter.counts();
    await w.gateway.markAnswered(w.mailbox, {
      folder: w.folder,
      messageId: '<second@example.org>',
      filed: second,
    });
    const commands = countsSince(before, counter.counts());
    expect(await atUid(w, w.folder, first.uid)).toMatchObject({ answered: true });
    expect(await atUid(w, w.folder, second.uid)).toMatchObject({ answered: true });
    // The second message was moved in after the flags connection's last command: its first STORE may find it
    // not yet in view, and the STORE's own answer brings it. Never a SELECT or a search.
    expect(Object.keys(commands)).toEqual(['UID STORE']);
    expect(commands['UID STORE']).toBeLessThanOrEqual(2);
  });

  it('marks by Message-ID when the filing folder was re-created since (its UIDVALIDITY changed)', async () => {
    const w = await world('answered-recreated');
    const filed = filedOf((await arriveAndFile(w, '<recreated@example.org>')).outcome);
    await w.mail.client.mailboxDelete(w.folder);
    await w.mail.client.mailboxCreate(w.folder);
    await w.mail.append(await buildMail({ messageId: '<recreated@example.org>' }), w.folder);
    const now = await atUid(w, w.folder, 1);
    expect(now.uidValidity).not.toBe(filed.uidValidity);
    await w.gateway.markAnswered(w.mailbox, {
      folder: w.folder,
      messageId: '<recreated@example.org>',
      filed,
    });
    expect(await atUid(w, w.folder, 1)).toMatchObject({
      messageId: '<recreated@example.org>',
      answered: true,
    });
  });

  it('gone-from-its-uid: a message moved away by the supervisor is left alone, in a few commands, without error', async () => {
    const w = await world('answered-gone');
    const filed = filedOf((await arriveAndFile(w, '<gone@example.org>')).outcome);
    await w.mail.client.mailboxCreate('Elsewhere');
    const lock = await w.mail.client.getMailboxLock(w.folder);
    try {
      await w.mail.client.messageMove(String(filed.uid), 'Elsewhere', { uid: true });
    } finally {
      lock.release();
    }
    const before = counter.counts();
    await w.gateway.markAnswered(w.mailbox, { folder: w.folder, messageId: '<gone@example.org>', filed });
    const commands = countsSince(before, counter.counts());
    expect(await atUid(w, 'Elsewhere', 1)).toMatchObject({
      messageId: '<gone@example.org>',
      answered: false,
    });
    // Opening the flags connection, then a STORE, a NOOP, a STORE and a FETCH of its flags: nothing is retried.
    expect(commands).toMatchObject({ 'UID STORE': 2, NOOP: 1, 'UID FETCH': 1 });
    expect(commands['UID SEARCH']).toBeUndefined();
  });
});
