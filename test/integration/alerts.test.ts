import { createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { DeadLetterStore } from '../../src/adapters/redis/dead-letters.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import type { SunkMessage } from '../support/smtp-sink.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();
const OPS = 'ops@it.example';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function alertsSunk(): SunkMessage[] {
  return servers.sink.messages.filter((message) => message.to.includes(OPS));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('alerts to the operator', () => {
  it("login-refused: one alert, through alerts.smtp when the mailbox's own SMTP is down, to the operator only, however many daemons and checks", async () => {
    const { login, config } = await setup('alert-auth');
    const down = await closedPort();
    const smtp = { host: '127.0.0.1', port: servers.sink.port, secure: false };
    const wrong = {
      ...config,
      mailboxes: config.mailboxes.map((mailbox) => ({
        ...mailbox,
        imap: { ...mailbox.imap, auth: { user: login.user, pass: 'wrong' } },
        smtp: { ...mailbox.smtp, port: down },
        authRetrySeconds: 600,
      })),
      alerts: {
        to: [OPS],
        smtp: { ...smtp, allowSelfSigned: false },
        from: 'triage-alerts@it.example',
        notFetchedSeconds: 3600,
        repeatSeconds: 3600,
        checkSeconds: 1,
      },
    };
    const first = await start(wrong);
    await start(wrong);
    await waitFor('an alert', () => (alertsSunk().length > 0 ? true : undefined));
    // Two daemons, each checking every second: the claim in Redis lets one alert through per repeatSeconds.
    await sleep(4000);
    expect(alertsSunk()).toHaveLength(1);
    expect(servers.sink.messages).toHaveLength(1);
    const [sunk] = alertsSunk();
    expect(sunk?.to).toEqual([OPS]);
    expect(sunk?.from).toBe('triage-alerts@it.example');
    const mail = await simpleParser(sunk?.raw ?? '');
    expect(mail.subject).toBe('applicant-triage: mailbox chen (chen@uni.example): login refused');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-applicant-triage')).toBe('alert');
    expect(mail.text).toContain('The IMAP server refused the login once');
    expect(mail.text).toContain('Check imap.auth (user and password)');
    expect(first.logs.find('alert sent').length).toBeLessThanOrEqual(1);
  });

  it('never-fetched and dead letters: each reported when due; a second dead letter waits for repeatSeconds, then comes alone', async () => {
    const { prefix, config } = await setup('alert-stale');
    const down = await closedPort();
    const letters = new DeadLetterStore(servers.redis, redisKeys(prefix));
    const letter = (jobId: string) => ({
      queue: 'ingest',
      jobId,
      data: {},
      reason: `message too complex (${jobId})`,
      attempts: 1,
      failedAt: new Date().toISOString(),
    });
    await letters.record(letter('chen-1-7'));
    const { logs } = await start({
      ...config,
      mailboxes: config.mailboxes.map((mailbox) => ({ ...mailbox, imap: { ...mailbox.imap, port: down } })),
      alerts: { to: [OPS], notFetchedSeconds: 2, repeatSeconds: 4, checkSeconds: 1 },
    });
    // What each alert reported: its items' summary lines ("- …"), whether they came in one mail or in several.
    const reported = async () =>
      Promise.all(
        alertsSunk().map(async (sunk) => {
          const text = (await simpleParser(sunk.raw)).text ?? '';
          const items = text.split('\n').filter((line) => line.startsWith('- '));
          return { text, items: items.map((line) => line.slice(2)), from: sunk.from };
        }),
      );
    const deadLetterItem = '1 new dead letter (1 in all)';
    const staleItem = 'mailbox chen (chen@uni.example): never fetched';
    await waitFor('both reported', async () => {
      const items = (await reported()).flatMap((alert) => alert.items);
      return items.includes(deadLetterItem) && items.includes(staleItem) ? true : undefined;
    });
    const first = await reported();
    expect(first.find((alert) => alert.items.includes(deadLetterItem))?.text).toContain('ingest/chen-1-7 (');
    // Sent from the mailbox's own SMTP server and address when alerts name none.
    expect(new Set(first.map((alert) => alert.from))).toEqual(new Set(['chen@uni.example']));

    await letters.record(letter('chen-1-8'));
    const secondItem = '1 new dead letter (2 in all)';
    await waitFor('the second dead letter', async () =>
      (await reported()).some((alert) => alert.items.includes(secondItem)) ? true : undefined,
    );
    const second = (await reported()).find((alert) => alert.items.includes(secondItem));
    expect(second?.text).toContain('ingest/chen-1-8');
    expect(second?.text).not.toContain('ingest/chen-1-7');
    // Each dead letter was reported once.
    const all = (await reported()).flatMap((alert) => alert.items).filter((item) => /dead letter/.test(item));
    expect(all).toEqual([deadLetterItem, secondItem]);
    expect(logs.find('alert sent').length).toBe(alertsSunk().length);
  });

  it('send-failure: an alert the SMTP server refuses is logged and sent at a later check', async () => {
    const { config } = await setup('alert-retry');
    const down = await closedPort();
    servers.sink.refuse(1, 451);
    const { logs } = await start({
      ...config,
      mailboxes: config.mailboxes.map((mailbox) => ({ ...mailbox, imap: { ...mailbox.imap, port: down } })),
      alerts: { to: [OPS], notFetchedSeconds: 1, repeatSeconds: 2, checkSeconds: 1 },
    });
    const refused = 'alert not sent; it is tried again later';
    await waitFor('the refused alert logged', () => (logs.find(refused).length > 0 ? true : undefined));
    expect(alertsSunk()).toHaveLength(0);
    await waitFor('the alert sent', () => (alertsSunk().length > 0 ? true : undefined));
    const [failure] = logs.find(refused);
    expect(failure?.alerts).toEqual(['stale:chen']);
    expect(String(failure?.reason)).toContain('451 refused by the test sink');
    expect(servers.sink.attempts.filter((to) => to === OPS).length).toBeGreaterThanOrEqual(2);
  });
});
