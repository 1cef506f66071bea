import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMail } from '../support/build-mail.ts';
import { REDIS_URL } from '../support/redis-prefix.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { startImapCommandCounter, type ImapCommandCounter } from '../support/imap-command-counter.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();
let counter: ImapCommandCounter | null = null;

afterEach(async () => {
  await counter?.close();
  counter = null;
});

describe('IMAP commands per message', () => {
  it('drains a backlog with one fetch and one move per message and \\Answered at most twice: no search, no folder switch', async () => {
    counter = await startImapCommandCounter(servers.dovecot);
    const { login, prefix, mail, filed } = await setup('commands');
    // The daemon reaches Dovecot through the counting proxy; no reconcile pass during the test.
    const imap = { host: '127.0.0.1', port: counter.port, ...login };
    const config = testConfig(
      { imap, smtpPort: servers.sink.port, prefix },
      { mailbox: { reconcileSeconds: 3600 } },
    );
    const count = 8;
    for (let index = 0; index < count; index += 1) {
      await mail.append(
        await buildMail({
          messageId: `<count-${index}@example.org>`,
          // Names of different lengths: messages of different sizes.
          from: `A${'x'.repeat(index)} <a${index}@example.org>`,
        }),
      );
    }
    await start(config);
    await waitFor(
      'every message filed and marked \\Answered',
      async () => {
        const lock = await mail.client.getMailboxLock(filed).catch(() => null);
        if (lock === null) return undefined;
        try {
          await mail.client.noop();
          const answered = await mail.client.search({ answered: true }, { uid: true });
          return answered && answered.length === count ? true : undefined;
        } finally {
          lock.release();
        }
      },
      60_000,
    );
    const commands = counter.counts();
    // Per message: its fetch, its move, and \Answered by the UID the move reported. A message moved into the
    // filing folder after the flags connection's last command takes a second STORE (the first finds it not yet
    // in view); replies marked while a STORE is in flight go together in the next one. How many go together
    // depends on timing (on a quiet machine each reply comes alone), so only the design's bound is checked: at
    // most two STOREs per message. One FETCH more for the first pass: the sizes of the messages it queues.
    const { 'UID FETCH': fetches = 0, 'UID MOVE': moves = 0, 'UID STORE': stores = 0 } = commands;
    expect(fetches).toBe(count + 1);
    expect(moves).toBe(count);
    expect(stores).toBeGreaterThanOrEqual(1);
    expect(stores).toBeLessThanOrEqual(2 * count);
    // Once per daemon, not per message: the first pass's two searches, one SELECT per connection (IDLE, worker,
    // flags), the NOOP before that pass.
    expect(commands['UID SEARCH']).toBe(2);
    expect(commands.SELECT).toBe(3);
    expect(commands.NOOP ?? 0).toBeLessThanOrEqual(1);
    // Each ingest job carries its message's size on the server, which the memory budget counts.
    const lock = await mail.client.getMailboxLock(filed);
    const onServer = await mail.client
      .fetchAll('1:*', { uid: true, size: true })
      .finally(() => lock.release());
    const sizes = new Set(onServer.map((message) => message.size));
    expect(sizes.size).toBe(count);
    const ingest = new Queue('ingest', { connection: { url: REDIS_URL }, prefix });
    const jobs = await ingest.getJobs(['completed']);
    await ingest.close();
    expect(jobs).toHaveLength(count);
    for (const job of jobs) expect(sizes).toContain((job.data as { size?: number }).size);
  }, 90_000);
});
