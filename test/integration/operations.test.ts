import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailboxHealthStore } from '../../src/adapters/redis/mailbox-health-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { DaemonStatus } from '../../src/status/daemon-status.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { freePort } from '../support/free-port.ts';
import { runCli, spawnCli } from '../support/run-cli.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triage-ops-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The configuration as a file for the CLI (JSON is YAML). */
async function configFile(name: string, raw: object): Promise<string> {
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(file, JSON.stringify(raw));
  return file;
}

async function status(file: string): Promise<{ code: number | null; status: DaemonStatus }> {
  const result = await runCli(['--config', file, 'status', '--json']);
  expect(result.stderr).toBe('');
  return { code: result.code, status: JSON.parse(result.stdout) as DaemonStatus };
}

describe('triage status', () => {
  it('shows the watcher, its fetches, cursor and queues of a running daemon, and exit 1 once nobody watches', async () => {
    const { login, prefix, mail, config, filed } = await setup('status');
    const raw = rawTestConfig({
      imap: { host: servers.dovecot.host, port: servers.dovecot.port, ...login },
      smtpPort: servers.sink.port,
      prefix,
    });
    const file = await configFile('status', raw);
    const { daemon } = await start(config);
    await mail.append(await buildMail({ messageId: '<status-1@example.org>' }));
    await waitForMessage(mail, filed, '<status-1@example.org>');

    const running = await status(file);
    expect(running.status.problems).toEqual([]);
    expect(running.code).toBe(0);
    const [mailbox] = running.status.mailboxes;
    expect(mailbox).toMatchObject({ id: 'chen', holder: daemon.owner, mode: 'idle', auth: 'ok', backlog: 0 });
    expect(mailbox?.cursor?.lastUid).toBe(1);
    // The watcher's connection, and the workers' two (on the watched folder; on the filing folder for \Answered)
    // unless they have been idle for 30 s.
    expect(mailbox?.connections).toBeGreaterThanOrEqual(1);
    expect(mailbox?.connections).toBeLessThanOrEqual(3);
    expect(mailbox?.maxConnections).toBe(8);
    expect(mailbox?.fetchAgeSeconds).toBeLessThanOrEqual(mailbox?.staleAfterSeconds ?? 0);
    expect(running.status.queues.map((queue) => queue.name)).toEqual([
      'ingest',
      'assess',
      'replies',
      'enquiries',
      'digests',
    ]);
    expect(running.status.digests.map((digest) => digest.supervisor).sort()).toEqual([
      'chen@uni.example',
      'okafor@uni.example',
    ]);
    for (const digest of running.status.digests)
      expect(Date.parse(digest.next ?? '')).toBeGreaterThan(Date.now());

    await daemon.stop();
    const stopped = await status(file);
    expect(stopped.code).toBe(1);
    expect(stopped.status.problems).toEqual(['mailbox chen: no daemon is watching it']);
    const text = await runCli(['--config', file, 'status']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Needs attention:\n  - mailbox chen: no daemon is watching it');
    expect(text.stdout).toMatch(/^ {2}chen +not watched +idle /m);
  });
});

describe('a refused IMAP login', () => {
  it('is tried once, then not again before authRetrySeconds; the mailbox is auth-failed in Redis and in status', async () => {
    const { login, prefix, config } = await setup('auth');
    const imap = { host: servers.dovecot.host, port: servers.dovecot.port, secure: false };
    const wrong = {
      mailbox: { imap: { ...imap, auth: { user: login.user, pass: 'wrong' } }, authRetrySeconds: 120 },
    };
    const raw = rawTestConfig({ imap: { ...imap, ...login }, smtpPort: servers.sink.port, prefix }, wrong);
    const file = await configFile('auth', raw);
    const { logs } = await start({
      ...config,
      mailboxes: config.mailboxes.map((mailbox) => ({
        ...mailbox,
        imap: { ...mailbox.imap, auth: { user: login.user, pass: 'wrong' } },
        authRetrySeconds: 120,
      })),
    });
    const refused = 'mailbox login refused; check imap.auth (user and password) or use OAuth2';
    await waitFor('refused login', () => (logs.find(refused).length > 0 ? true : undefined));
    // Leases last 3 s and the reconcile is 5 s here: without the bar, a second login would come within 10 s.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(logs.find(refused)).toHaveLength(1);
    const health = await new MailboxHealthStore(servers.redis, redisKeys(prefix)).read('chen');
    expect(health).toMatchObject({ auth: 'auth-failed', authFailures: 1 });
    expect(Date.parse(health.authRetryAt ?? '') - Date.now()).toBeGreaterThan(100_000);

    const shown = await status(file);
    expect(shown.code).toBe(1);
    expect(shown.status.mailboxes[0]?.auth).toBe('auth-failed');
    expect(shown.status.problems[0]).toMatch(/^mailbox chen: login refused \(1×\), next try 20\d\d-/);
  }, 30_000);
});

describe('triage start with Redis unreachable', () => {
  async function unreachable(name: string, timeoutSeconds: number): Promise<string> {
    const port = await freePort();
    return configFile(
      name,
      rawTestConfig(
        {
          imap: { host: '127.0.0.1', port: 1, user: 'x', pass: 'x' },
          smtpPort: 1,
          prefix: 'unused',
          redisUrl: `redis://127.0.0.1:${port}`,
        },
        {
          redis: {
            url: `redis://127.0.0.1:${port}`,
            prefix: 'unused',
            startupTimeoutSeconds: timeoutSeconds,
          },
        },
      ),
    );
  }

  it('logs one JSON line per retry, then gives up with exit 1 after redis.startupTimeoutSeconds', async () => {
    const child = spawnCli(['--config', await unreachable('no-redis', 3), 'start']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as { msg: string; code?: string; reason?: string });
    const waits = parsed.filter((line) => line.msg === 'waiting for redis');
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits.length).toBeLessThanOrEqual(4);
    expect(waits[0]?.reason).toMatch(/connection refused/);
    expect(parsed.at(-1)).toMatchObject({ msg: 'daemon could not start', code: 'redis-unavailable' });
  }, 20_000);

  it('exits 0 on SIGTERM while it waits', async () => {
    const child = spawnCli(['--config', await unreachable('no-redis-term', 0), 'start']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await waitFor('waiting for redis', () => (stdout.includes('waiting for redis') ? true : undefined));
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"shutdown requested"');
  }, 20_000);
});

describe('the operator HTTP endpoint', () => {
  it('answers /healthz, /readyz once the mailbox was fetched, and /metrics with counters and gauges', async () => {
    const { mail, config, filed } = await setup('http');
    const port = await freePort();
    await start({ ...config, http: { host: '127.0.0.1', port, statusSeconds: 5 } });
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await mail.append(await buildMail({ messageId: '<http-1@example.org>' }));
    await waitForMessage(mail, filed, '<http-1@example.org>');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, reasons: [] });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^triage_messages_total\{outcome="created",classification="application"\} 1$/m);
    expect(metrics).toMatch(/^triage_extraction_seconds_count\{format="pdf"\} 1$/m);
    expect(metrics).toMatch(/^triage_mailbox_auth_ok\{mailbox="chen"\} 1$/m);
    expect(metrics).toMatch(/^triage_mailbox_held_letters\{mailbox="chen"\} 0$/m);
    // The process's own memory, for the operator's dashboards (and the benchmark's breakdown).
    expect(metrics).toMatch(/^process_resident_memory_bytes [1-9]\d{6,}$/m);
    expect(metrics).toMatch(/^nodejs_heap_size_used_bytes [1-9]\d{5,}$/m);
    expect(metrics).toMatch(/^triage_queue_jobs\{queue="ingest",state="failed"\} 0$/m);
    expect(metrics).toMatch(/^triage_mailbox_last_fetch_age_seconds\{mailbox="chen"\} \d+$/m);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('/readyz is 503 with the reason while a mailbox has never been fetched', async () => {
    const { login, config } = await setup('http-unready');
    const port = await freePort();
    await start({
      ...config,
      http: { host: '127.0.0.1', port, statusSeconds: 5 },
      mailboxes: config.mailboxes.map((mailbox) => ({
        ...mailbox,
        imap: { ...mailbox.imap, auth: { user: login.user, pass: 'wrong' } },
      })),
    });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, reasons: ['mailbox chen: not fetched yet'] });
  });
});
