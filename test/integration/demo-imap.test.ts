import type { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ImapFlow } from 'imapflow';
import { startDemoImap, type DemoImapServer } from '../../examples/demo/start-demo-imap.ts';

// Every IMAP operation the daemon relies on, run with imapflow against the embedded hoodiecrow server that
// `npm run demo` uses. Where hoodiecrow differs from a production server, the test pins the difference.

function message(id: string, subject: string, body = `Body of ${id}.`): string {
  return [
    'From: Ada Applicant <ada@example.org>',
    'To: PhD Admissions <phd@example.edu>',
    `Subject: ${subject}`,
    `Message-ID: <${id}@example.org>`,
    'Date: Mon, 01 Jan 2024 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');
}

const FIRST = message(
  'first',
  '[PhD-robust-ai] Application: Ada Applicant',
  'Grüße aus Zürich — résumé attached.',
);
const OLD = message('old', '[PhD-robust-ai] An old application');
const THIRD = message('third', 'Not an application');
const OLD_DATE = new Date('2020-02-03T04:05:06Z');
const TARGET_PARTS = ['Applications', 'robust-ai'];

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** Resolves with the first payload of `event`, or rejects after `ms`. */
function nextEvent<T>(emitter: EventEmitter, event: string, ms = 5_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no '${event}' event within ${ms} ms`));
    }, ms);
    const listener = (payload: T): void => {
      clearTimeout(timer);
      resolve(payload);
    };
    emitter.once(event, listener);
  });
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A server plus imapflow clients that record their 'error' events. */
function harness(start: () => Promise<DemoImapServer>) {
  const state = {
    server: undefined as DemoImapServer | undefined,
    clients: [] as ImapFlow[],
    errors: [] as Error[],
  };
  beforeAll(async () => {
    state.server = await start();
  });
  afterAll(async () => {
    for (const client of state.clients) client.close();
    await state.server?.close();
  });
  async function connect(): Promise<ImapFlow> {
    const server = state.server;
    if (!server) throw new Error('server not started');
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      auth: { user: server.user, pass: server.pass },
      logger: false,
    });
    client.on('error', (error: Error) => state.errors.push(error));
    state.clients.push(client);
    await client.connect();
    return client;
  }
  return { state, connect };
}

describe('demo IMAP server (hoodiecrow) with imapflow', () => {
  const { state, connect } = harness(() => startDemoImap());
  let client: ImapFlow;
  let idler: ImapFlow;
  let delimiter = '/';
  const uids = { first: 0, old: 0, third: 0 };

  it('listens on 127.0.0.1 with a free port and one user', () => {
    expect(state.server?.host).toBe('127.0.0.1');
    expect(state.server?.port).toBeGreaterThan(0);
    expect(state.server?.user).toBeTruthy();
  });

  it('connects and logs in, advertising the extensions the daemon uses', async () => {
    client = await connect();
    expect(client.usable).toBe(true);
    expect(client.authenticated).toBeTruthy();
    for (const capability of [
      'IMAP4rev1',
      'IDLE',
      'UIDPLUS',
      'MOVE',
      'LITERAL+',
      'ENABLE',
      'ID',
      'UNSELECT',
      'SPECIAL-USE',
      'NAMESPACE',
    ]) {
      expect(client.capabilities.has(capability), capability).toBe(true);
    }
  });

  it('refuses a wrong password', async () => {
    const server = state.server;
    if (!server) throw new Error('server not started');
    const wrong = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      auth: { user: server.user, pass: 'wrong' },
      logger: false,
    });
    wrong.on('error', () => undefined);
    await expect(wrong.connect()).rejects.toThrow();
    wrong.close();
  });

  it('lists INBOX with the "/" hierarchy delimiter and an empty personal namespace', async () => {
    const list = await client.list();
    const inbox = list.find((box) => box.path === 'INBOX');
    expect(inbox).toBeDefined();
    delimiter = inbox?.delimiter ?? '/';
    expect(delimiter).toBe('/');
    expect(inbox?.specialUse).toBe('\\Inbox');
    expect(client.namespace).toEqual({ prefix: '', delimiter: '/' });
  });

  it('opens INBOX with getMailboxLock and reports UIDVALIDITY, UIDNEXT and EXISTS', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      expect(client.mailbox).not.toBe(false);
      if (client.mailbox === false) return;
      expect(client.mailbox.path).toBe('INBOX');
      expect(typeof client.mailbox.uidValidity).toBe('bigint');
      expect(client.mailbox.uidValidity).toBeGreaterThan(0n);
      expect(client.mailbox.uidNext).toBe(1);
      expect(client.mailbox.exists).toBe(0);
    } finally {
      lock.release();
    }
  });

  it('sends EXISTS to a client idling in INBOX when another client appends', async () => {
    idler = await connect();
    await idler.mailboxOpen('INBOX');
    const idling = idler.idle();
    await until(() => idler.idling);

    const exists = nextEvent<{ path: string; count: number; prevCount: number }>(idler, 'exists');
    const appended = await client.append('INBOX', FIRST);
    expect(appended).not.toBe(false);
    if (appended === false) return;
    expect(appended.uid).toBe(1); // APPENDUID (UIDPLUS)
    expect(appended.uidValidity).toBe(1n);
    uids.first = appended.uid ?? 0;

    expect(await exists).toEqual({ path: 'INBOX', count: 1, prevCount: 0 });
    expect(idler.idling).toBe(true); // still in IDLE: the notification arrived during IDLE
    if (idler.mailbox === false) throw new Error('idler lost its mailbox');
    expect(idler.mailbox.exists).toBe(1);
    // imapflow (not hoodiecrow) keeps uidNext from SELECT: an EXISTS does not move it.
    expect(idler.mailbox.uidNext).toBe(1);

    await idler.noop(); // ends IDLE
    await idling;
  });

  it('quirk: hoodiecrow sends no EXISTS to the session that appended into its own selected mailbox', async () => {
    // `client` has INBOX selected since the getMailboxLock above. Dovecot would send `* 1 EXISTS` with APPEND.
    if (client.mailbox === false) throw new Error('INBOX not selected');
    expect(client.mailbox.path).toBe('INBOX');
    await client.noop();
    expect(client.mailbox.exists).toBe(0);
  });

  it('appends with an internal date; a selected session that never idled gets EXISTS at its next command', async () => {
    const watcher = await connect();
    await watcher.mailboxOpen('INBOX');
    const seenByWatcher: number[] = [];
    watcher.on('exists', (event: { count: number }) => seenByWatcher.push(event.count));
    const seenByIdler: number[] = [];
    idler.on('exists', (event: { count: number }) => seenByIdler.push(event.count));

    const old = await client.append('INBOX', OLD, [], OLD_DATE);
    const third = await client.append('INBOX', THIRD);
    uids.old = (old && old.uid) || 0;
    uids.third = (third && third.uid) || 0;
    expect([uids.old, uids.third]).toEqual([2, 3]);

    // Quirk: hoodiecrow never switches a session back from IDLE's direct notifications, so the former idler
    // (no longer in IDLE, no command running) gets the EXISTS pushed at once.
    expect(idler.idling).toBe(false);
    await until(() => seenByIdler.at(-1) === 3);

    // A session that never idled gets them (queued) with the response to its next command, as IMAP intends.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seenByWatcher).toEqual([]);
    await watcher.noop();
    expect(seenByWatcher.at(-1)).toBe(3);
    if (watcher.mailbox === false) throw new Error('INBOX not selected');
    expect(watcher.mailbox.exists).toBe(3);
    await watcher.logout();

    // A fresh session sees the real state on SELECT.
    const fresh = await connect();
    const lock = await fresh.getMailboxLock('INBOX');
    try {
      if (fresh.mailbox === false) throw new Error('INBOX not selected');
      expect(fresh.mailbox.exists).toBe(3);
      expect(fresh.mailbox.uidNext).toBe(4);
      expect(fresh.mailbox.uidValidity).toBe(1n);
    } finally {
      lock.release();
    }
    await fresh.logout();
  });

  it('searches by UID range', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      expect(await client.search({ uid: '1:*' }, { uid: true })).toEqual([1, 2, 3]);
      expect(await client.search({ uid: '2:*' }, { uid: true })).toEqual([2, 3]);
      // RFC 3501: `*` is the highest UID, so `5:*` means `3:5` and returns UID 3; callers must filter uid > N.
      expect(await client.search({ uid: '5:*' }, { uid: true })).toEqual([3]);
      expect(await client.search({ uid: '2' }, { uid: true })).toEqual([2]);
    } finally {
      lock.release();
    }
  });

  it('searches by SINCE (internal date), alone and with a UID range', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      expect(await client.search({ since: new Date('2024-01-01T00:00:00Z') }, { uid: true })).toEqual([1, 3]);
      expect(await client.search({ since: new Date('2019-01-01T00:00:00Z') }, { uid: true })).toEqual([
        1, 2, 3,
      ]);
      expect(
        await client.search({ since: new Date('2024-01-01T00:00:00Z'), uid: '1:2' }, { uid: true }),
      ).toEqual([1]);
    } finally {
      lock.release();
    }
  });

  it('searches by Message-ID header', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      expect(await client.search({ header: { 'message-id': '<old@example.org>' } }, { uid: true })).toEqual([
        2,
      ]);
      expect(await client.search({ header: { 'message-id': '<nope@example.org>' } }, { uid: true })).toEqual(
        [],
      );
    } finally {
      lock.release();
    }
  });

  it('fetches one message by UID with uid, size, envelope, flags and internal date', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const first = await client.fetchOne(
        String(uids.first),
        { uid: true, size: true, envelope: true, flags: true, internalDate: true },
        { uid: true },
      );
      expect(first).not.toBe(false);
      if (first === false) return;
      expect(first.uid).toBe(uids.first);
      expect(first.size).toBe(Buffer.byteLength(FIRST));
      expect(first.flags).toEqual(new Set());
      expect(first.envelope?.subject).toBe('[PhD-robust-ai] Application: Ada Applicant');
      expect(first.envelope?.messageId).toBe('<first@example.org>');
      expect(first.envelope?.from).toEqual([{ name: 'Ada Applicant', address: 'ada@example.org' }]);
      expect(first.envelope?.date).toEqual(new Date('2024-01-01T10:00:00Z'));
      expect(first.internalDate).toBeInstanceOf(Date);
      expect(Math.abs(Date.now() - new Date(first.internalDate ?? 0).getTime())).toBeLessThan(60_000);

      const old = await client.fetchOne(String(uids.old), { uid: true, internalDate: true }, { uid: true });
      expect(old && old.internalDate).toEqual(OLD_DATE);

      // envelope fetch over a UID set, as the rescan does
      const all = await client.fetchAll('1:3', { uid: true, envelope: true }, { uid: true });
      expect(all.map((m) => [m.uid, m.envelope?.messageId])).toEqual([
        [1, '<first@example.org>'],
        [2, '<old@example.org>'],
        [3, '<third@example.org>'],
      ]);

      expect(await client.fetchOne('999', { uid: true }, { uid: true })).toBe(false);
    } finally {
      lock.release();
    }
  });

  it('downloads the full source by UID as a stream, byte for byte (8-bit UTF-8 body)', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const download = await client.download(String(uids.first), undefined, { uid: true });
      expect(download.content).toBeDefined();
      if (!download.content) return;
      expect(download.meta.expectedSize).toBe(Buffer.byteLength(FIRST));
      expect((await readAll(download.content)).toString('utf8')).toBe(FIRST);

      const capped = await client.download(String(uids.first), undefined, { uid: true, maxBytes: 100 });
      expect(capped.content && (await readAll(capped.content)).length).toBe(100);

      const missing = await client.download('999', undefined, { uid: true });
      expect(missing.content).toBeUndefined();
    } finally {
      lock.release();
    }
  });

  it('downloads a message larger than one 64 KiB chunk (partial FETCH)', async () => {
    const big = message('big', 'Big one', `${'x'.repeat(76)}\r\n`.repeat(3_000));
    const appended = await client.append('INBOX', big);
    const uid = appended && appended.uid;
    expect(uid).toBe(4);
    const lock = await client.getMailboxLock('INBOX');
    try {
      const download = await client.download(String(uid), undefined, { uid: true });
      if (!download.content) throw new Error('big message not found');
      const body = await readAll(download.content);
      expect(body.length).toBe(Buffer.byteLength(big));
      expect(body.toString('utf8')).toBe(big);
    } finally {
      lock.release();
    }
  });

  it('fetches headers only, with `headers: true`, a header list and `bodyParts: ["header"]`', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const uid = String(uids.first);
      const headerEnd = FIRST.indexOf('\r\n\r\n') + 4;

      const all = await client.fetchOne(uid, { uid: true, headers: true }, { uid: true });
      expect(all && all.headers?.toString('utf8')).toBe(FIRST.slice(0, headerEnd));

      const some = await client.fetchOne(
        uid,
        { uid: true, headers: ['subject', 'message-id'] },
        { uid: true },
      );
      expect(some && some.headers?.toString('utf8')).toBe(
        'Subject: [PhD-robust-ai] Application: Ada Applicant\r\nMessage-ID: <first@example.org>\r\n\r\n',
      );

      // imapflow reports BODY[HEADER] in `headers`, not in the `bodyParts` map.
      const part = await client.fetchOne(uid, { uid: true, bodyParts: ['header'] }, { uid: true });
      expect(part && (part.bodyParts?.get('header') ?? part.headers)?.toString('utf8')).toBe(
        FIRST.slice(0, headerEnd),
      );
    } finally {
      lock.release();
    }
  });

  it('creates Applications<delimiter>robust-ai, and answers created: false when it exists', async () => {
    const target = TARGET_PARTS.join(delimiter);
    expect(await client.mailboxCreate(target)).toEqual({ path: target, created: true });
    const paths = (await client.list()).map((box) => box.path);
    expect(paths).toContain('Applications');
    expect(paths).toContain(target);
    // Needs the [ALREADYEXISTS] code that startDemoImap adds; bare hoodiecrow makes imapflow throw here.
    expect(await client.mailboxCreate(target)).toEqual({ path: target, created: false });
    expect(await client.mailboxSubscribe(target)).toBe(true);
  });

  it('adds \\Answered by UID', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      expect(await client.messageFlagsAdd(String(uids.first), ['\\Answered'], { uid: true })).toBe(true);
      const fetched = await client.fetchOne(String(uids.first), { uid: true, flags: true }, { uid: true });
      expect(fetched && fetched.flags).toEqual(new Set(['\\Answered']));
    } finally {
      lock.release();
    }
  });

  it('moves by UID with UID MOVE, returning the COPYUID uidMap; an idler sees the EXPUNGE', async () => {
    const target = TARGET_PARTS.join(delimiter);
    const idling = idler.idle();
    await until(() => idler.idling);
    const expunge = nextEvent<{ path: string; seq: number }>(idler, 'expunge');

    const lock = await client.getMailboxLock('INBOX');
    try {
      const moved = await client.messageMove(String(uids.first), target, { uid: true });
      expect(moved).not.toBe(false);
      if (moved === false) return;
      expect(moved.path).toBe('INBOX');
      expect(moved.destination).toBe(target);
      expect(moved.uidValidity).toBe(1n);
      expect(moved.uidMap).toEqual(new Map([[uids.first, 1]]));
      expect(await client.search({ all: true }, { uid: true })).toEqual([2, 3, 4]);
    } finally {
      lock.release();
    }
    expect(await expunge).toMatchObject({ path: 'INBOX', seq: 1 });
    await idler.noop();
    await idling;

    expect(await client.status(target, { messages: true, uidNext: true })).toMatchObject({
      messages: 1,
      uidNext: 2,
    });
    const lockTarget = await client.getMailboxLock(target);
    try {
      const filed = await client.fetchOne('1', { uid: true, flags: true, envelope: true }, { uid: true });
      expect(filed && filed.envelope?.messageId).toBe('<first@example.org>');
      expect(filed && filed.flags).toEqual(new Set(['\\Answered'])); // flags travel with the message
    } finally {
      lockTarget.release();
    }
  });

  it('answers false when moving to a folder that does not exist', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      expect(await client.messageMove('2', 'Nope', { uid: true })).toBe(false);
      expect(await client.search({ uid: '2' }, { uid: true })).toEqual([2]);
    } finally {
      lock.release();
    }
  });

  it('logs out', async () => {
    const closed = nextEvent<void>(client, 'close');
    await client.logout();
    await closed;
    expect(client.usable).toBe(false);
    await idler.logout();
    expect(state.errors).toEqual([]);
  });
});

describe('demo IMAP server without MOVE, with preloaded messages', () => {
  const PRELOADED = [
    {
      raw: message('pre-1', '[PhD-robust-ai] Preloaded one', 'Preloaded — naïve café.'),
      internaldate: OLD_DATE,
    },
    { raw: message('pre-2', '[PhD-robust-ai] Preloaded two') },
  ];
  const { state, connect } = harness(() => startDemoImap({ messages: PRELOADED, omitPlugins: ['MOVE'] }));

  it('serves the given messages in INBOX, with their internal dates', async () => {
    const client = await connect();
    expect(client.capabilities.has('MOVE')).toBe(false);
    expect(client.capabilities.has('UIDPLUS')).toBe(true);
    const lock = await client.getMailboxLock('INBOX');
    try {
      if (client.mailbox === false) throw new Error('INBOX not selected');
      expect(client.mailbox.exists).toBe(2);
      expect(client.mailbox.uidNext).toBe(3);
      const first = await client.fetchOne('1', { uid: true, internalDate: true, size: true }, { uid: true });
      expect(first && first.internalDate).toEqual(OLD_DATE);
      expect(first && first.size).toBe(Buffer.byteLength(PRELOADED[0]?.raw ?? ''));
      const download = await client.download('1', undefined, { uid: true });
      if (!download.content) throw new Error('preloaded message not found');
      expect((await readAll(download.content)).toString('utf8')).toBe(PRELOADED[0]?.raw);
    } finally {
      lock.release();
    }
    await client.logout();
  });

  it('falls back to UID COPY + \\Deleted + UID EXPUNGE, still returning the uidMap', async () => {
    const client = await connect();
    const other = await connect(); // a second session with INBOX selected, like a watcher
    await other.mailboxOpen('INBOX');
    await client.mailboxCreate('Applications/robust-ai');
    const lock = await client.getMailboxLock('INBOX');
    try {
      const moved = await client.messageMove('1', 'Applications/robust-ai', { uid: true });
      expect(moved).not.toBe(false);
      if (moved === false) return;
      expect(moved.destination).toBe('Applications/robust-ai');
      expect(moved.uidMap).toEqual(new Map([[1, 1]]));
      expect(await client.search({ all: true }, { uid: true })).toEqual([2]);
      expect(await client.search({ deleted: true }, { uid: true })).toEqual([]);
    } finally {
      lock.release();
    }
    expect(await client.status('Applications/robust-ai', { messages: true })).toMatchObject({ messages: 1 });

    // The other session has the EXPUNGE pending; a UID STORE from it still works (only plain STORE refuses).
    expect(await other.messageFlagsAdd('2', ['\\Answered'], { uid: true })).toBe(true);
    if (other.mailbox === false) throw new Error('INBOX not selected');
    await other.noop();
    expect(other.mailbox.exists).toBe(1);

    await client.logout();
    await other.logout();
    expect(state.errors).toEqual([]);
  });
});

describe('demo IMAP server shutdown', () => {
  it('closes promptly while a client is idling, and close() can be called twice', async () => {
    const server = await startDemoImap();
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      auth: { user: server.user, pass: server.pass },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.mailboxOpen('INBOX');
    const idling = client.idle().catch(() => undefined);
    await until(() => client.idling);
    const closed = nextEvent<void>(client, 'close');
    await Promise.all([server.close(), server.close()]);
    await closed;
    await idling;
    expect(client.usable).toBe(false);
  });
});
