import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMailboxStatuses } from '../../src/adapters/redis/read-daemon-status.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { startDaemon, type Daemon } from '../../src/daemon/start-daemon.ts';
import { buildMail } from '../support/build-mail.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { dovecotAvailable } from '../support/dovecot.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { useOAuthServers } from '../support/oauth-environment.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { runCli, spawnCli } from '../support/run-cli.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { waitFor } from '../support/wait-for.ts';

const KEY = randomBytes(32).toString('base64');

describe.skipIf(!dovecotAvailable())('OAuth2 mailboxes (real Dovecot, SMTP sink and a local issuer)', () => {
  const { servers, cleanups } = useOAuthServers();
  let oauthSink: SmtpSink;
  let plainSink: SmtpSink;

  beforeAll(async () => {
    const { issuer } = servers;
    oauthSink = await startSmtpSink({
      oauth: (user, token) => {
        const answer = issuer.introspect(token);
        return answer.active && answer.username === user;
      },
    });
    plainSink = await startSmtpSink();
    process.env.TRIAGE_TOKEN_KEY = KEY;
  });
  afterAll(async () => {
    delete process.env.TRIAGE_TOKEN_KEY;
    await Promise.all([oauthSink.close(), plainSink.close()]);
  });

  /** A Microsoft 365 mailbox (OAuth2) and a password mailbox on one daemon, written to a file for the CLI. */
  async function world(name: string) {
    const { issuer, dovecot, dir } = servers;
    const prefix = uniquePrefix(name);
    cleanups.push(() => removePrefix(prefix));
    const ms = await dovecot.createUser('ms');
    const pw = await dovecot.createUser('pw');
    const imap = { host: dovecot.host, port: dovecot.port, secure: false };
    const raw = {
      redis: { url: REDIS_URL, prefix },
      mailboxes: [
        {
          id: 'ms',
          address: 'chen@uni.example',
          from: '"Dr Chen" <chen@uni.example>',
          auth: {
            type: 'oauth2',
            provider: 'microsoft365',
            clientId: 'triage-app',
            authority: `${issuer.httpsUrl}/tenant-test`,
            user: ms.user,
          },
          imap,
          smtp: { host: '127.0.0.1', port: oauthSink.port, secure: false },
          reconcileSeconds: 5,
          leaseSeconds: 3,
          authRetrySeconds: 1,
        },
        {
          id: 'pw',
          address: 'okafor@uni.example',
          from: 'okafor@uni.example',
          imap: { ...imap, auth: pw },
          smtp: { host: '127.0.0.1', port: plainSink.port, secure: false },
          reconcileSeconds: 5,
          leaseSeconds: 3,
        },
      ],
      vacancies: [
        {
          id: 'robust-ai',
          mailbox: 'ms',
          tag: 'PHD-robustAI',
          title: 'PhD in Robust AI',
          supervisors: ['chen@uni.example', 'lab-manager@uni.example'],
        },
        {
          id: 'med-imaging',
          mailbox: 'pw',
          tag: 'DPHIL-MedIm',
          title: 'DPhil in Medical Imaging',
          supervisors: ['okafor@uni.example'],
        },
      ],
      alerts: { to: 'ops@uni.example', mailbox: 'pw', checkSeconds: 1 },
    };
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(file, JSON.stringify(raw));
    const config = parseConfig(JSON.stringify(raw), process.env, file);
    const append = async (login: { user: string; pass: string }, mail: Buffer) => {
      const client = await openImapTestClient(dovecot, login);
      await client.append(mail).finally(() => client.close());
    };
    return { prefix, ms, pw, file, config, append };
  }

  /** `triage login ms` as a real process: the person "opens the page" when the device code is shown. */
  async function signIn(file: string, user: string) {
    const { issuer } = servers;
    const child = spawnCli(['--config', file, 'login', 'ms'], {
      NODE_EXTRA_CA_CERTS: issuer.caFile,
      TRIAGE_TOKEN_KEY: KEY,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const code = await waitFor('the device code on the screen', () => {
      const [pending] = issuer.pendingUserCodes();
      return pending !== undefined && stdout.includes(pending) ? pending : undefined;
    });
    issuer.approveDevice(code, user);
    return { code: await exited, stdout, stderr };
  }

  const sentTo = (sink: SmtpSink, address: string) =>
    sink.messages.filter((message) => message.to.includes(address));
  const waitForAck = (sink: SmtpSink, address: string) =>
    waitFor(`an acknowledgement to ${address}`, () => sentTo(sink, address)[0], 30_000);
  const refreshGrants = () =>
    servers.issuer.requests.filter(
      (request) => request.path.endsWith('/token') && request.rawParams.grant_type === 'refresh_token',
    );

  it('signs in with the device code, refreshes and rotates, survives a refused token, goes to needs-login when revoked while the password mailbox goes on, and resumes after a new sign-in', async () => {
    const { prefix, ms, pw, file, config, append } = await world('oauth-life');
    const { issuer, dovecot, redis } = servers;

    // 1. The sign-in: the device code is shown, approved, and the token sealed in Redis.
    const first = await signIn(file, ms.user);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('IMAP login works: INBOX has 0 messages');
    const deviceRequest = issuer.requests.find((request) => request.path.endsWith('/devicecode'));
    expect(deviceRequest?.params.scope?.split(' ')).toEqual(
      expect.arrayContaining([
        'https://outlook.office.com/IMAP.AccessAsUser.All',
        'https://outlook.office.com/SMTP.Send',
        'offline_access',
      ]),
    );
    const stored = await redis.hgetall(redisKeys(prefix).oauth('ms'));
    expect(stored.state).toBe('ok');
    const secrets = [...issuer.issuedRefreshTokens(ms.user), ...issuer.issuedAccessTokens(ms.user)];
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    for (const value of Object.values(stored))
      for (const secret of secrets) expect(value).not.toContain(secret);

    // 2. The daemon files and acknowledges through both mailboxes, the OAuth2 one with XOAUTH2.
    issuer.setAccessTokenSeconds(4);
    const logs = captureLogs();
    let daemon: Daemon = await startDaemon(config, logs.logger);
    cleanups.push(() => daemon.stop());
    await append(ms, await buildMail({ from: 'Ann <ann@example.org>' }));
    await append(pw, await buildMail({ from: 'Bo <bo@example.org>', subject: '[DPHIL-MedIm] application' }));
    await waitForAck(oauthSink, 'ann@example.org');
    await waitForAck(plainSink, 'bo@example.org');
    expect(oauthSink.logins.filter((login) => login.user === ms.user && login.accepted)).not.toHaveLength(0);
    expect(oauthSink.logins.every((login) => login.method === 'XOAUTH2')).toBe(true);

    // 3. Dovecot refuses the token it is given after a reconnect (expired early): one refresh, and on.
    issuer.expireAccessTokens(ms.user);
    await dovecot.kick(ms.user);
    await append(ms, await buildMail({ from: 'Cy <cy@example.org>' }));
    await waitForAck(oauthSink, 'cy@example.org');
    expect(logs.find('imap refused the access token; logging in with a refreshed one')).not.toHaveLength(0);
    // Tokens of 4 s are refreshed before they expire; each refresh rotates the refresh token, and every one
    // after the first works only if the rotated token was kept.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await append(ms, await buildMail({ from: 'Di <di@example.org>' }));
    await waitForAck(oauthSink, 'di@example.org');
    expect(refreshGrants().length).toBeGreaterThanOrEqual(2);
    expect(refreshGrants().map((request) => request.status)).not.toContain(400);
    expect(issuer.issuedRefreshTokens(ms.user).length).toBeGreaterThanOrEqual(3);

    // 4. The grant is revoked: needs-login, named by status and check; the other mailbox keeps working.
    issuer.revokeRefreshTokens(ms.user);
    issuer.expireAccessTokens(ms.user);
    await dovecot.kick(ms.user);
    await waitFor('mailbox ms in needs-login', async () => {
      const statuses = await readMailboxStatuses(redis, config, new Date());
      return statuses.find((status) => status.id === 'ms')?.auth === 'needs-login' ? true : undefined;
    });
    await append(ms, await buildMail({ from: 'Ed <ed@example.org>' }));
    await append(
      pw,
      await buildMail({ from: 'Flo <flo@example.org>', subject: '[DPHIL-MedIm] application' }),
    );
    await waitForAck(plainSink, 'flo@example.org');
    const reminder = await waitFor(
      'the sign-in reminder to the supervisors',
      () => sentTo(plainSink, 'lab-manager@uni.example')[0],
    );
    expect(reminder.raw).toContain('triage login ms');
    expect(sentTo(plainSink, 'chen@uni.example')).toHaveLength(1);
    const check = await runCli(['--config', file, 'check'], {
      NODE_EXTRA_CA_CERTS: issuer.caFile,
      TRIAGE_TOKEN_KEY: KEY,
    });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      `FAIL  auth ms: oauth2 microsoft365 (delegated) as ${ms.user}: needs a new sign-in since`,
    );
    expect(check.stdout).toContain('run: triage login ms');
    expect(check.stdout).toMatch(/ok +auth pw: password/);
    expect(sentTo(oauthSink, 'ed@example.org')).toHaveLength(0);

    // 5. A new sign-in: the mail that waited is triaged from the cursor, nothing twice.
    const second = await signIn(file, ms.user);
    expect(second.code).toBe(0);
    await waitForAck(oauthSink, 'ed@example.org');
    await daemon.stop();
    daemon = await startDaemon(config, logs.logger);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const address of ['ann@example.org', 'cy@example.org', 'di@example.org', 'ed@example.org'])
      expect(sentTo(oauthSink, address)).toHaveLength(1);
    expect(sentTo(plainSink, 'lab-manager@uni.example')).toHaveLength(1);
  }, 120_000);
});
