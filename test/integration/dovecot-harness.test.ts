import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ImapFlow } from 'imapflow';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../support/dovecot.ts';

if (!dovecotAvailable()) {
  console.warn('dovecot is not installed: run `.ci/dovecot-install.sh` as root (startDovecot will fail)');
}

const MESSAGE = [
  'From: Applicant <applicant@example.org>',
  'To: Admissions <phd@example.edu>',
  'Subject: Harness test',
  'Message-ID: <harness-test@example.org>',
  'Date: Mon, 01 Jan 2024 10:00:00 +0000',
  '',
  'Hello from the Dovecot harness test.',
  '',
].join('\r\n');

describe('Dovecot test harness', () => {
  let server: DovecotServer;
  let account: { user: string; pass: string };
  const clients: ImapFlow[] = [];
  const errors: Error[] = [];

  /** Connects and logs in a new ImapFlow client, recording any 'error' event. */
  async function connect(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      logger: false,
      auth: account,
    });
    client.on('error', (err: Error) => errors.push(err));
    clients.push(client);
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    server = await startDovecot();
    account = await server.createUser('applicant');
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  it('serves IMAP with IDLE/MOVE/UIDPLUS, survives kick and restart', async () => {
    const client = await connect();
    for (const cap of ['IDLE', 'MOVE', 'UIDPLUS']) expect(client.capabilities.has(cap), cap).toBe(true);

    const appended = await client.append('INBOX', MESSAGE);
    expect(appended && appended.uid).toBeGreaterThan(0);
    const status = await client.status('INBOX', { messages: true });
    expect(status && status.messages).toBe(1);

    const delimiter = (await client.list()).find((box) => box.path === 'INBOX')?.delimiter ?? '/';
    const folder = `Applications${delimiter}test`;
    await client.mailboxCreate(folder);
    expect((await client.list()).map((box) => box.path)).toContain(folder);

    const lock = await client.getMailboxLock('INBOX');
    try {
      const msg = await client.fetchOne('*', { envelope: true });
      expect(msg && msg.envelope?.subject).toBe('Harness test');
      const moved = await client.messageMove('1:*', folder);
      expect(moved && moved.destination).toBe(folder);
    } finally {
      lock.release();
    }
    expect((await client.status('INBOX', { messages: true })) || undefined).toMatchObject({ messages: 0 });

    const closed = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5_000);
      client.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    await server.kick(account.user);
    expect(await closed, 'client closed after kick').toBe(true);
    expect(client.usable).toBe(false);

    await server.restart();
    const again = await connect();
    const lock2 = await again.getMailboxLock(folder);
    try {
      const msg = await again.fetchOne('*', { envelope: true });
      expect(msg && msg.envelope?.subject).toBe('Harness test');
    } finally {
      lock2.release();
    }
    await again.logout();

    const stranger = await server.createUser('stranger');
    expect(stranger.user).not.toBe(account.user);
    expect(errors.map((err) => err.message)).toEqual([]);
  });
});
