import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadLetterStore } from '../../src/adapters/redis/dead-letters.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { runCli } from '../support/run-cli.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triage-dead-retry-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pdf = (name: string) => ({
  filename: name,
  content: `%PDF-1.4 ${name}`,
  contentType: 'application/pdf',
});

describe('triage dead-letters --retry', () => {
  it('queues a dead letter again once the cause is fixed: the message is then filed and acknowledged once', async () => {
    const tight = { limits: { maxAttachments: 2 } };
    const { mail, config, prefix, login, filed } = await setup('dead-retry', tight);
    const imap = { host: servers.dovecot.host, port: servers.dovecot.port, ...login };
    const file = path.join(dir, 'triage.yaml');
    const raw = rawTestConfig({ imap, smtpPort: servers.sink.port, prefix }, { log: undefined });
    await writeFile(file, JSON.stringify(raw));
    const cli = (...args: string[]) => runCli(['--config', file, 'dead-letters', ...args]);
    const store = new DeadLetterStore(servers.redis, redisKeys(prefix));

    const first = await start(config);
    await mail.append(
      await buildMail({
        messageId: '<three-files@example.org>',
        from: '"Rosa Diaz" <rosa.diaz@example.org>',
        attachments: [pdf('CV_Rosa_Diaz.pdf'), pdf('b.pdf'), pdf('c.pdf')],
      }),
    );
    const [letter] = await waitFor('the dead letter', async () => {
      const found = await store.list();
      return found.length > 0 ? found : undefined;
    });
    const id = `${letter?.queue}/${letter?.jobId}`;

    const dry = await cli('--retry', 'all', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(
      new RegExp(
        `^would-retry {2}${id} {2}after 1 attempt: message-too-complex: message has 3 attachments`,
        'm',
      ),
    );
    expect(await store.list()).toHaveLength(1);

    const unknown = await cli('--retry', 'ingest/nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('error: no dead letter ingest/nope (see triage dead-letters)');
    const stray = await cli('--dry-run');
    expect(stray.code).toBe(2);
    expect(stray.stderr.trim()).toBe('error: --dry-run goes with --retry');

    // The operator raises the limit and restarts; the retried job runs under the new configuration.
    await first.daemon.stop();
    await start({ ...config, limits: { ...config.limits, maxAttachments: 100 } });
    // As if an alert had reported it: once retried, a second failure would be news again.
    const alerted = redisKeys(prefix).alertedDeadLetters();
    await servers.redis.sadd(alerted, id);
    const retried = await cli('--retry', id);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout.trim()).toBe(`retried  ${id}  queued again`);
    expect(await store.list()).toEqual([]);
    expect(await servers.redis.sismember(alerted, id)).toBe(0);
    await waitForMessage(mail, filed, '<three-files@example.org>');
    await waitFor('the acknowledgement', () =>
      servers.sink.messages.some((message) => message.to.includes('rosa.diaz@example.org'))
        ? true
        : undefined,
    );

    const again = await cli('--retry', id);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(`error: no dead letter ${id} (there are none)`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      servers.sink.messages.filter((message) => message.to.includes('rosa.diaz@example.org')),
    ).toHaveLength(1);
  });

  it('a dead letter whose job no longer exists is reported as gone, exit 1, and kept', async () => {
    const { prefix, login } = await setup('dead-gone');
    const imap = { host: servers.dovecot.host, port: servers.dovecot.port, ...login };
    const file = path.join(dir, 'gone.yaml');
    await writeFile(file, JSON.stringify(rawTestConfig({ imap, smtpPort: servers.sink.port, prefix })));
    const store = new DeadLetterStore(servers.redis, redisKeys(prefix));
    await store.record({
      queue: 'replies',
      jobId: 'removed-by-hand',
      data: {},
      reason: 'smtp refused',
      attempts: 12,
      failedAt: new Date().toISOString(),
    });
    const result = await runCli(['--config', file, 'dead-letters', '--retry', 'all']);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe(
      'gone  replies/removed-by-hand  the job no longer exists: handle its message by hand',
    );
    expect(await store.list()).toHaveLength(1);
  });
});
