import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSentRecipients, type SentBatch } from '../../src/adapters/imap/sent-recipients.ts';
import { MailboxLogins } from '../../src/adapters/oauth/mailbox-logins.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { SentRecipientsStore } from '../../src/adapters/redis/sent-recipients-store.ts';
import type { Config } from '../../src/config/schema.ts';
import {
  sentRecipientsPorts,
  sentSyncMailboxes,
  startSentRecipientsSync,
  syncSentRecipients,
} from '../../src/daemon/sent-recipients-sync.ts';
import { LOOP_MARKER_HEADER } from '../../src/domain/loop-marker.ts';
import { captureLogs, type CapturedLogs } from '../support/capture-logs.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openImapTestClient, type ImapTestClient } from '../support/imap-test-client.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { scanPrefix } from '../support/scan-prefix.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

let dovecot: DovecotServer;
let redis: Redis;
const prefixes: string[] = [];
const clients: ImapTestClient[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all(prefixes.map((prefix) => removePrefix(prefix)));
  redis.disconnect();
  await dovecot.stop();
});

/** A message the mailbox wrote, as a mail client saves it to Sent (Bcc kept). */
function sentMail(recipients: { to: string; cc?: string; bcc?: string }, headers: string[] = []): Buffer {
  const lines = [
    'From: "Dr Chen" <chen@uni.example>',
    `To: ${recipients.to}`,
    ...(recipients.cc ? [`Cc: ${recipients.cc}`] : []),
    ...(recipients.bcc ? [`Bcc: ${recipients.bcc}`] : []),
    'Subject: Re: our paper',
    `Message-ID: <${randomUUID()}@uni.example>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...headers,
    '',
    'See you on Thursday.',
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}

/** A fresh Dovecot user, its test client, a Redis prefix and the sync's ports and settings over them. */
async function setUp(name: string, overrides: Record<string, unknown> = { replies: { enquiries: true } }) {
  const login = await dovecot.createUser(name);
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  const imap = { host: dovecot.host, port: dovecot.port, ...login };
  const config: Config = testConfig({ imap, smtpPort: 1, prefix }, overrides);
  const keys = redisKeys(prefix);
  const personal = await openPersonalData(redis, keys, config.security);
  const logs: CapturedLogs = captureLogs('info');
  const services = { config, redis, keys, personal, logins: new MailboxLogins(null), logger: logs.logger };
  const mail = await openImapTestClient(dovecot, login);
  clients.push(mail);
  return {
    config,
    prefix,
    logs,
    mail,
    ports: sentRecipientsPorts(services),
    store: new SentRecipientsStore(redis, keys, personal),
    settings: { ...config, logger: logs.logger },
  };
}

async function append(mail: ImapTestClient, raw: Buffer, folder = 'Sent'): Promise<number> {
  const appended = await mail.client.append(folder, raw, ['\\Seen']);
  if (appended === false || appended.uid === undefined) throw new Error('append refused');
  return appended.uid;
}

const COLLEAGUES = [
  'okafor@uni.example',
  'coauthor@partner.example',
  'editor@journal.example',
  'hidden.reviewer@funder.example',
  'chair@committee.example',
];

describe("the recipients of the mailbox's Sent folder", () => {
  it('records whom the mailbox wrote to, not the applicants of its automatic replies, and follows the folder', async () => {
    const { mail, ports, store, settings, logs, prefix } = await setUp('sent');
    await mail.client.mailboxCreate('Sent');
    await append(
      mail,
      sentMail({ to: 'Dr Okafor <Okafor@Uni.Example>', cc: 'coauthor+paper@partner.example' }),
    );
    await append(mail, sentMail({ to: 'editor@journal.example', bcc: 'hidden.reviewer@funder.example' }));
    await append(mail, sentMail({ to: 'chair@committee.example' }, ['Auto-Submitted: no']));
    // Our acknowledgement saved to Sent (loop marker), and an automatic message saved there by the server.
    await append(mail, sentMail({ to: 'applicant@students.example' }, [`${LOOP_MARKER_HEADER}: ack`]));
    await append(
      mail,
      sentMail({ to: 'other.applicant@students.example' }, ['Auto-Submitted: auto-replied']),
    );

    // Until the folder has been read to its end once, nobody is known (the mailbox's untagged mail waits).
    expect(await store.known('chen')).toBe(false);
    const first = await syncSentRecipients(ports, settings);
    expect(await store.known('chen')).toBe(true);
    expect(first).toEqual([
      { mailbox: 'chen', status: 'read', folder: 'Sent', messages: 5, recipients: COLLEAGUES.length },
    ]);
    for (const colleague of COLLEAGUES) expect(await store.has('chen', colleague)).toBe(true);
    expect(await store.has('chen', 'CoAuthor+other@Partner.Example')).toBe(true);
    expect(await store.has('chen', 'applicant@students.example')).toBe(false);
    expect(await store.has('chen', 'other.applicant@students.example')).toBe(false);
    expect(await store.has('chen', 'stranger@elsewhere.example')).toBe(false);
    expect(await store.count('chen')).toBe(COLLEAGUES.length);
    expect(logs.find('read the Sent folder')).toMatchObject([
      { mailbox: 'chen', folder: 'Sent', messages: 5, automatic: 2, recipients: COLLEAGUES.length },
    ]);

    // Only what arrived since is read: the cursor moved past the first five.
    const cursor = await store.cursor('chen');
    const later = await append(mail, sentMail({ to: 'new.colleague@uni.example' }));
    expect(later).toBeGreaterThan(cursor?.uid ?? Infinity);
    const second = await syncSentRecipients(ports, settings);
    expect(second).toEqual([{ mailbox: 'chen', status: 'read', folder: 'Sent', messages: 1, recipients: 1 }]);
    expect(await store.has('chen', 'new.colleague@uni.example')).toBe(true);
    expect(await store.cursor('chen')).toEqual({ uidValidity: cursor?.uidValidity, uid: later });
    expect(await syncSentRecipients(ports, settings)).toEqual([
      { mailbox: 'chen', status: 'read', folder: 'Sent', messages: 0, recipients: 0 },
    ]);

    // The folder deleted and made again has a new UIDVALIDITY: its messages are read from the first.
    await mail.client.mailboxDelete('Sent');
    await mail.client.mailboxCreate('Sent');
    const renewed = await append(mail, sentMail({ to: 'after.restore@uni.example' }));
    const third = await syncSentRecipients(ports, settings);
    expect(third).toEqual([{ mailbox: 'chen', status: 'read', folder: 'Sent', messages: 1, recipients: 1 }]);
    expect(await store.has('chen', 'after.restore@uni.example')).toBe(true);
    const moved = await store.cursor('chen');
    expect(moved?.uidValidity).not.toBe(cursor?.uidValidity);
    expect(moved?.uid).toBe(renewed);
    // Written to once is written to: what the old folder held is still known.
    expect(await store.has('chen', 'okafor@uni.example')).toBe(true);

    // Redis holds keyed hashes, never an address; nor do the logs.
    const everything = [...(await scanPrefix(redis, prefix))].flat().join('\n');
    for (const address of [...COLLEAGUES, 'new.colleague@uni.example', 'applicant@students.example'])
      expect(everything).not.toContain(address.split('@')[0]);
    expect(everything).not.toContain('@');
    expect(JSON.stringify(logs.lines)).not.toContain('@');
  });

  it('reads a large folder in batches, each with its cursor, and resumes after the last one saved', async () => {
    const { mail } = await setUp('sent-batches');
    await mail.client.mailboxCreate('Sent Items');
    const uids: number[] = [];
    for (let index = 1; index <= 5; index++)
      uids.push(await append(mail, sentMail({ to: `person${index}@uni.example` }), 'Sent Items'));
    const batches: SentBatch[] = [];
    const read = await readSentRecipients(mail.client, null, {
      batchSize: 2,
      save: (batch) => Promise.resolve(void batches.push(batch)),
    });
    expect(read?.folder).toBe('Sent Items');
    expect(batches.map((batch) => batch.cursor.uid)).toEqual([uids[1], uids[3], uids[4]]);
    expect(batches.map((batch) => batch.addresses)).toEqual([
      ['person1@uni.example', 'person2@uni.example'],
      ['person3@uni.example', 'person4@uni.example'],
      ['person5@uni.example'],
    ]);
    const resumed = await readSentRecipients(mail.client, batches[1]?.cursor ?? null, { batchSize: 2 });
    expect(resumed?.addresses).toEqual(['person5@uni.example']);
    expect(resumed?.cursor).toEqual(batches[2]?.cursor);
  });

  it('finds nothing, and no error, in a mailbox without a Sent folder', async () => {
    const { ports, store, settings, logs } = await setUp('no-sent');
    expect(await syncSentRecipients(ports, settings)).toEqual([
      { mailbox: 'chen', status: 'no-sent-folder' },
    ]);
    expect(await store.cursor('chen')).toBeNull();
    // Read, all the same: there is nobody to wait for.
    expect(await store.known('chen')).toBe(true);
    const ours = logs.lines.filter((line) => line.library === undefined);
    expect(ours.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it('logs a mailbox it cannot read, by id, and still reads the others', async () => {
    const { config, mail, ports, store, logs } = await setUp('sent-failing');
    await mail.client.mailboxCreate('Sent');
    await append(mail, sentMail({ to: 'okafor@uni.example' }));
    const good = config.mailboxes[0];
    const vacancy = config.vacancies[0];
    if (!good?.imap.auth || !vacancy) throw new Error('test config without a mailbox or vacancy');
    const broken = {
      ...good,
      id: 'broken',
      imap: { ...good.imap, auth: { ...good.imap.auth, pass: 'wrong' } },
    };
    // An open call (no tag) makes the broken mailbox one to read, without replies.enquiries.
    const untagged = { ...vacancy, tag: undefined };
    const settings = {
      ...config,
      replies: { ...config.replies, enquiries: false },
      mailboxes: [broken, good],
      vacancies: [
        { ...untagged, id: 'open-call', mailbox: 'broken' },
        { ...untagged, id: 'open-call-chen', mailbox: 'chen' },
      ],
      logger: logs.logger,
    };
    const outcomes = await syncSentRecipients(ports, settings);
    expect(outcomes).toMatchObject([
      { mailbox: 'broken', status: 'failed' },
      { mailbox: 'chen', status: 'read', messages: 1 },
    ]);
    expect(logs.find('reading the Sent folder failed; tried again at the next check')).toMatchObject([
      { level: 40, mailbox: 'broken' },
    ]);
    expect(await store.has('chen', 'okafor@uni.example')).toBe(true);
    expect(await store.known('broken')).toBe(false);
    expect(await store.known('chen')).toBe(true);
  });

  it('reads the Sent folder at start, and stops', async () => {
    const { mail, ports, store, settings } = await setUp('sent-start');
    await mail.client.mailboxCreate('Sent');
    await append(mail, sentMail({ to: 'okafor@uni.example' }));
    const sync = startSentRecipientsSync(ports, settings);
    try {
      await waitFor('the first round', async () =>
        (await store.has('chen', 'okafor@uni.example')) ? true : undefined,
      );
    } finally {
      await sync.stop();
    }
  });
});

describe('which mailboxes have their Sent folder read', () => {
  const base = testConfig({
    imap: { host: '127.0.0.1', port: 1, user: 'u', pass: 'p' },
    smtpPort: 1,
    prefix: 'x',
  });
  const tagged = base.vacancies;
  const openCall = tagged.map((vacancy, index) => (index === 0 ? { ...vacancy, tag: undefined } : vacancy));

  it('none of tagged calls only, without enquiry replies', () => {
    expect(sentSyncMailboxes(base)).toEqual([]);
  });

  it('a mailbox with an open call, or any vacancy when enquiries are answered', () => {
    expect(sentSyncMailboxes({ ...base, vacancies: openCall }).map((mailbox) => mailbox.id)).toEqual([
      'chen',
    ]);
    const answering = { ...base, replies: { ...base.replies, enquiries: true } };
    expect(sentSyncMailboxes(answering).map((mailbox) => mailbox.id)).toEqual(['chen']);
  });

  it('none when excludeSent is off', async () => {
    const off = { ...base, vacancies: openCall, enquirers: { ...base.enquirers, excludeSent: false } };
    expect(sentSyncMailboxes(off)).toEqual([]);
    const logs = captureLogs();
    const unused = {
      store: {
        cursor: () => Promise.reject(new Error('not used')),
        add: () => Promise.reject(new Error('not used')),
        markRead: () => Promise.reject(new Error('not used')),
      },
      read: () => Promise.reject(new Error('not used')),
    };
    expect(await syncSentRecipients(unused, { ...off, logger: logs.logger })).toEqual([]);
    await startSentRecipientsSync(unused, { ...off, logger: logs.logger }).stop();
    expect(logs.lines).toEqual([]);
  });
});
