import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailboxLogins } from '../../src/adapters/oauth/mailbox-logins.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { startLoginReminders } from '../../src/daemon/login-reminders.ts';
import type { MailboxStatus } from '../../src/status/daemon-status.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { freePort } from '../support/free-port.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { testConfig } from '../support/test-config.ts';

/** What the watchers recorded: mailbox `chen` needs a new sign-in, `okafor` works. */
function statuses(): MailboxStatus[] {
  const base = {
    holder: 'host:1:abc',
    mode: 'idle' as const,
    lastFetchAt: null,
    fetchAgeSeconds: null,
    staleAfterSeconds: 15,
    connections: 0,
    maxConnections: 8,
    lastError: null,
    lastErrorAt: null,
    authFailures: 0,
    authRetryAt: null,
    cursor: null,
    backlog: 0,
    heldLetters: 0,
  };
  return [
    {
      ...base,
      id: 'chen',
      address: 'chen@uni.example',
      auth: 'needs-login',
      lastError: 'mailbox chen (microsoft365): invalid_grant: revoked',
    },
    { ...base, id: 'okafor', address: 'okafor@uni.example', auth: 'ok' },
  ];
}

describe('sign-in reminders (real Redis and SMTP sink)', () => {
  let redis: Redis;
  let sink: SmtpSink;
  const prefixes: string[] = [];
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    for (const prefix of prefixes.splice(0)) await removePrefix(prefix);
  });
  afterAll(async () => {
    redis.disconnect();
    await sink.close();
  });

  function reminders(smtpPort: number) {
    const prefix = uniquePrefix('reminders');
    prefixes.push(prefix);
    const base = testConfig({ imap: { host: '127.0.0.1', port: 1, user: 'u', pass: 'p' }, smtpPort, prefix });
    const [chen] = base.mailboxes;
    if (chen === undefined) throw new Error('no mailbox');
    const config = {
      ...base,
      mailboxes: [chen, { ...chen, id: 'okafor', address: 'okafor@uni.example' }],
      vacancies: base.vacancies.map((vacancy) => ({ ...vacancy, mailbox: 'chen' })),
    };
    const logs = captureLogs();
    const running = startLoginReminders({
      config,
      redis,
      keys: redisKeys(prefix),
      logins: new MailboxLogins(null),
      mailboxes: () => Promise.resolve(statuses()),
      owner: 'host:1:abc',
      logger: logs.logger,
      checkMs: 3_600_000,
    });
    return { running, logs, claim: redisKeys(prefix).alertClaim('login-reminder:chen') };
  }

  it('mails the supervisors once a day through a mailbox that still works', async () => {
    const { running, claim } = reminders(sink.port);
    await running.check();
    await running.check();
    await running.stop();
    const recipients = sink.messages.flatMap((message) => message.to).sort();
    expect(recipients).toEqual(['chen@uni.example', 'okafor@uni.example']);
    expect(sink.messages.every((message) => message.from === 'okafor@uni.example')).toBe(true);
    expect(sink.messages[0]?.raw).toContain('triage login chen');
    expect(await redis.ttl(claim)).toBeGreaterThan(86_000);
  });

  it('logs an error once an hour when no mailbox can send it', async () => {
    const { running, logs, claim } = reminders(await freePort());
    await running.check();
    await running.check();
    await running.stop();
    const errors = logs.find('mailbox needs a new sign-in, and no mailbox could mail the reminder');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 50, mailbox: 'chen', command: 'triage login chen' });
    const ttl = await redis.ttl(claim);
    expect(ttl).toBeGreaterThan(3_500);
    expect(ttl).toBeLessThanOrEqual(3_600);
  });
});
