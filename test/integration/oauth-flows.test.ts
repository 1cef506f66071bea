import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/adapters/oauth/access-tokens.ts';
import { MailboxLogins } from '../../src/adapters/oauth/mailbox-logins.ts';
import { ReplyTransports } from '../../src/adapters/smtp/reply-transport.ts';
import { OAuthTokenStore } from '../../src/adapters/redis/oauth-token-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { readTokenKey, type TokenKey } from '../../src/auth/token-cipher.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { isTriageError } from '../../src/errors/triage-error.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { dovecotAvailable } from '../support/dovecot.ts';
import { useOAuthServers } from '../support/oauth-environment.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { spawnCli } from '../support/run-cli.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { waitFor } from '../support/wait-for.ts';

const KEY_TEXT = randomBytes(32).toString('base64');

function tokenKey(text: string): TokenKey {
  const reading = readTokenKey('TRIAGE_TOKEN_KEY', text);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.key;
}

describe.skipIf(!dovecotAvailable())('OAuth2 flows against a local issuer', () => {
  const { servers, cleanups } = useOAuthServers();

  async function mailboxConfig(name: string, auth: Record<string, unknown>) {
    const { dovecot, dir } = servers;
    const prefix = uniquePrefix(name);
    cleanups.push(() => removePrefix(prefix));
    const user = (await dovecot.createUser(name)).user;
    const raw = {
      redis: { url: REDIS_URL, prefix },
      mailboxes: [
        {
          id: 'box',
          address: 'chen@uni.example',
          from: 'chen@uni.example',
          auth: { type: 'oauth2', user, ...auth },
          imap: { host: dovecot.host, port: dovecot.port, secure: false },
          smtp: { host: '127.0.0.1', port: 25, secure: false },
        },
      ],
      vacancies: [{ id: 'v', tag: 'PHD-x', title: 'PhD', supervisors: ['chen@uni.example'] }],
    };
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(file, JSON.stringify(raw));
    const [mailbox] = parseConfig(JSON.stringify(raw), {}).mailboxes;
    if (mailbox === undefined) throw new Error('no mailbox');
    return { prefix, user, file, mailbox };
  }

  function login(file: string) {
    const { issuer } = servers;
    const child = spawnCli(['--config', file, 'login', 'box'], {
      NODE_EXTRA_CA_CERTS: issuer.caFile,
      TRIAGE_TOKEN_KEY: KEY_TEXT,
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    return { output, code };
  }

  function tokens(prefix: string, key = tokenKey(KEY_TEXT)) {
    const store = new OAuthTokenStore(servers.redis, redisKeys(prefix), key);
    return { store, access: new AccessTokens(store, captureLogs().logger) };
  }

  it('Gmail: the browser sign-in redirected to a loopback port with PKCE; the refresh token kept and used for IMAP and SMTP', async () => {
    const { issuer } = servers;
    const { prefix, user, file, mailbox } = await mailboxConfig('gmail', {
      provider: 'gmail',
      clientId: 'desktop-app.apps.googleusercontent.com',
      clientSecret: 'desktop-secret',
      authorizeUrl: `${issuer.httpsUrl}/o/oauth2/v2/auth`,
      tokenUrl: `${issuer.httpsUrl}/token`,
    });
    const run = login(file);
    const url = await waitFor('the sign-in address', () =>
      run.output.stdout.split('\n').find((line) => line.startsWith(issuer.httpsUrl)),
    );
    const asked = new URL(url);
    expect(asked.searchParams.get('scope')).toBe('https://mail.google.com/');
    expect(asked.searchParams.get('access_type')).toBe('offline');
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('login_hint')).toBe(user);
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // The person's browser: the provider sends it back to the loopback port with the code.
    const consent = await fetch(url, { redirect: 'manual' });
    const back = consent.headers.get('location') ?? '';
    expect(back.startsWith(asked.searchParams.get('redirect_uri') ?? '-')).toBe(true);
    expect((await fetch(back)).status).toBe(200);
    expect(await run.code).toBe(0);
    expect(run.output.stdout).toContain('IMAP login works');
    const exchange = issuer.requests.find(
      (request) => request.path === '/token' && request.rawParams.grant_type === 'authorization_code',
    );
    expect(exchange?.status).toBe(200);
    expect(exchange?.rawParams.code_verifier).toMatch(/^[\w.~-]{43,128}$/);
    // The daemon's side: a refused access token is replaced from the stored refresh token.
    const { access } = tokens(prefix);
    const first = await access.token(mailbox);
    const second = await access.token(mailbox, first);
    expect(second).not.toBe(first);
    expect(issuer.introspect(second)).toMatchObject({ active: true, username: user });

    // SMTP: a token the server refuses (expired early) is replaced in nodemailer's one XOAUTH2 retry.
    const sink = await startSmtpSink({
      oauth: (login, token) => issuer.introspect(token).username === login && issuer.introspect(token).active,
    });
    cleanups.push(() => sink.close());
    issuer.expireAccessTokens(user);
    const transports = new ReplyTransports(
      [{ ...mailbox, smtp: { ...mailbox.smtp, port: sink.port } }],
      new MailboxLogins(access),
    );
    const raw = Buffer.from('From: chen@uni.example\r\nTo: ann@example.org\r\nSubject: x\r\n\r\nx\r\n');
    const sent = await transports.send(mailbox, 'ann@example.org', raw, () => Promise.resolve(true));
    expect(sent.status).toBe('sent');
    expect(sink.logins.map((entry) => [entry.user, entry.method, entry.accepted])).toEqual([
      [user, 'XOAUTH2', false],
      [user, 'XOAUTH2', true],
    ]);
    expect(sink.messages.map((message) => message.to)).toEqual([['ann@example.org']]);
  });

  it('Microsoft 365 app-only: a token from the client credentials, nothing kept but the token', async () => {
    const { issuer, redis } = servers;
    issuer.registerClient('daemon-app', { secret: 'app-secret' });
    const { prefix, user, file, mailbox } = await mailboxConfig('apponly', {
      provider: 'microsoft365',
      flow: 'app-only',
      clientId: 'daemon-app',
      clientSecret: 'app-secret',
      authority: `${issuer.httpsUrl}/uni.example`,
    });
    issuer.registerClient('daemon-app', { secret: 'app-secret', appUser: user });
    const run = login(file);
    expect(await run.code).toBe(0);
    expect(run.output.stdout).toContain('IMAP login works');
    const grant = issuer.requests.find((request) => request.rawParams.grant_type === 'client_credentials');
    expect(grant?.rawParams.scope).toContain('https://outlook.office365.com/.default');
    expect(await redis.hget(redisKeys(prefix).oauth('box'), 'grant')).toBeNull();
    // A wrong secret is a refusal a person must fix: needs-login, with the provider's reason.
    issuer.registerClient('daemon-app', { secret: 'rotated-secret', appUser: user });
    const { access, store } = tokens(prefix);
    const current = await access.token(mailbox);
    const refused = await access.token(mailbox, current).catch((error: unknown) => error);
    expect(isTriageError(refused, 'oauth-needs-login')).toBe(true);
    expect((await store.readState('box')).state).toBe('needs-login');
  });

  it('one refresh at a time across processes: the others wait for the new token; a wrong key is a clear error', async () => {
    const { issuer } = servers;
    const { prefix, user, file, mailbox } = await mailboxConfig('shared', {
      provider: 'microsoft365',
      clientId: 'triage-app',
      authority: `${issuer.httpsUrl}/tenant-shared`,
    });
    const run = login(file);
    const code = await waitFor('the device code', () => issuer.pendingUserCodes()[0]);
    issuer.approveDevice(code, user);
    expect(await run.code).toBe(0);
    const before = issuer.requests.length;
    const processes = Array.from({ length: 4 }, () => new Redis(REDIS_URL));
    cleanups.push(() => {
      for (const connection of processes) connection.disconnect();
      return Promise.resolve();
    });
    const stale = await tokens(prefix).access.token(mailbox);
    const got = await Promise.all(
      processes.map((connection) =>
        new AccessTokens(
          new OAuthTokenStore(connection, redisKeys(prefix), tokenKey(KEY_TEXT)),
          captureLogs().logger,
        ).token(mailbox, stale),
      ),
    );
    const refreshes = issuer.requests
      .slice(before)
      .filter((request) => request.rawParams.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(new Set(got).size).toBe(1);
    expect(got[0]).not.toBe(stale);

    const wrong = tokens(prefix, tokenKey(randomBytes(32).toString('base64')));
    const error = await wrong.access.token(mailbox).catch((caught: unknown) => caught);
    expect(isTriageError(error, 'oauth-key')).toBe(true);
    expect((error as Error).message).toMatch(/sealed with the key \w{8}, but the configured key is \w{8}/);
    // Nothing was dropped: the right key still opens the tokens.
    expect(await tokens(prefix).access.token(mailbox)).toBe(got[0]);
  });
});
