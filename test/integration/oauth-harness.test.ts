import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AuthenticationResult,
} from '@azure/msal-node';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { startOAuthIssuer, type OAuthIssuer } from '../support/oauth-issuer.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

if (!dovecotAvailable()) {
  console.warn(
    'dovecot is not installed: run `.ci/dovecot-install.sh` as root (the Dovecot tests are skipped)',
  );
}

const TENANT = '8f0c6c8e-4d3a-4c49-9a52-6f1f3f2b7a10';
const MAIL_SCOPES = [
  'https://outlook.office.com/IMAP.AccessAsUser.All',
  'https://outlook.office.com/SMTP.Send',
];
const GMAIL_SCOPE = 'https://mail.google.com/';

let issuer: OAuthIssuer;
const defaultCAs = tls.getCACertificates('default');

beforeAll(async () => {
  issuer = await startOAuthIssuer();
  tls.setDefaultCACertificates([...defaultCAs, issuer.caPem]);
});

afterAll(async () => {
  tls.setDefaultCACertificates(defaultCAs);
  await issuer?.close();
});

/** MSAL's auth options for the issuer's tenant: a non-Microsoft host must be in knownAuthorities. */
const msalAuth = (clientId: string) => ({
  clientId,
  authority: `${issuer.httpsUrl}/${TENANT}`,
  knownAuthorities: [new URL(issuer.httpsUrl).host],
});

/** Runs MSAL's device code flow; the user "signs in" `approveAfterMs` after the code is shown. */
async function signInWithDeviceCode(
  app: PublicClientApplication,
  user: string,
  approveAfterMs = 0,
): Promise<AuthenticationResult> {
  const result = await app.acquireTokenByDeviceCode({
    scopes: MAIL_SCOPES,
    deviceCodeCallback: (response) => {
      expect(issuer.pendingUserCodes()).toContain(response.userCode);
      setTimeout(() => issuer.approveDevice(response.userCode, user), approveAfterMs);
    },
  });
  if (!result) throw new Error('acquireTokenByDeviceCode returned null');
  return result;
}

/** Posts a form to the issuer's Microsoft token endpoint, as a client would by hand. */
async function postToken(
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${issuer.httpsUrl}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Signs `user` in at the Google-shaped endpoints with bare HTTP requests; returns the access token. */
async function accessTokenFor(user: string): Promise<string> {
  const redirect = 'http://127.0.0.1:9/callback';
  const query = new URLSearchParams({
    client_id: 'mail-client',
    redirect_uri: redirect,
    response_type: 'code',
    scope: GMAIL_SCOPE,
    login_hint: user,
  });
  const answer = await fetch(`${issuer.httpUrl}/o/oauth2/v2/auth?${query.toString()}`, {
    redirect: 'manual',
  });
  const code = new URL(answer.headers.get('location') ?? 'invalid:').searchParams.get('code') ?? '';
  const form = { grant_type: 'authorization_code', client_id: 'mail-client', code, redirect_uri: redirect };
  const response = await fetch(`${issuer.httpUrl}/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  const { access_token: token } = (await response.json()) as { access_token?: string };
  if (!token) throw new Error(`no access token for ${user}`);
  return token;
}

describe('OAuth issuer with the real client libraries', () => {
  it('msal-node reaches the issuer only once its certificate is trusted, and gets an app token with the secret', async () => {
    issuer.registerClient('daemon-app', { secret: 'app-secret', appUser: 'shared@example.edu' });
    const request = { scopes: ['https://outlook.office365.com/.default'] };
    const before = issuer.requests.length;
    tls.setDefaultCACertificates(defaultCAs);
    try {
      const untrusting = new ConfidentialClientApplication({
        auth: { ...msalAuth('daemon-app'), clientSecret: 'app-secret' },
      });
      await expect(untrusting.acquireTokenByClientCredential(request)).rejects.toThrow();
      expect(issuer.requests.slice(before)).toEqual([]);
    } finally {
      tls.setDefaultCACertificates([...defaultCAs, issuer.caPem]);
    }

    const app = new ConfidentialClientApplication({
      auth: { ...msalAuth('daemon-app'), clientSecret: 'app-secret' },
    });
    const result = await app.acquireTokenByClientCredential(request);
    expect(issuer.introspect(result?.accessToken ?? '')).toMatchObject({
      active: true,
      username: 'shared@example.edu',
    });
    const wrongSecret = new ConfidentialClientApplication({
      auth: { ...msalAuth('daemon-app'), clientSecret: 'guess' },
    });
    await expect(wrongSecret.acquireTokenByClientCredential(request)).rejects.toThrow(/invalid_client/);

    const paths = issuer.requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
    expect(paths).toContain(`GET /${TENANT}/v2.0/.well-known/openid-configuration 200`);
    const grants = issuer.requests.filter((entry) => entry.params.grant_type === 'client_credentials');
    expect(
      grants.map((entry) => [entry.status, entry.params.client_secret, entry.rawParams.client_secret]),
    ).toEqual([
      [200, '<redacted>', 'app-secret'],
      [401, '<redacted>', 'guess'],
    ]);
  });

  it('msal-node device code: pending until the user signs in, then a silent refresh rotates the refresh token', async () => {
    const user = 'device-user@example.edu';
    const app = new PublicClientApplication({ auth: msalAuth('desktop-app') });
    const first = await signInWithDeviceCode(app, user, 1_500);
    expect(first.account?.username).toBe(user);
    expect(issuer.introspect(first.accessToken)).toMatchObject({ active: true, username: user });
    const polls = issuer.requests.filter((entry) => entry.params.grant_type === 'device_code');
    expect(polls.map((entry) => entry.error)).toContain('authorization_pending');
    expect(polls.at(-1)).toMatchObject({ status: 200, params: { device_code: '<redacted>' } });
    const [oldRefresh] = issuer.issuedRefreshTokens(user);

    const silent = await app.acquireTokenSilent({
      account: first.account!,
      scopes: MAIL_SCOPES,
      forceRefresh: true,
    });
    expect(silent.accessToken).not.toBe(first.accessToken);
    expect(issuer.introspect(silent.accessToken)).toMatchObject({ active: true, username: user });
    const refreshes = issuer.requests.filter((entry) => entry.params.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({ status: 200, params: { refresh_token: '<redacted>' } });
    expect(refreshes[0]?.rawParams.refresh_token).toBe(oldRefresh);
    const [, newRefresh] = issuer.issuedRefreshTokens(user);
    const cache = app.getTokenCache().serialize();
    expect(cache).toContain(newRefresh);
    expect(cache).not.toContain(oldRefresh);

    const replay = await postToken({
      grant_type: 'refresh_token',
      client_id: 'desktop-app',
      refresh_token: oldRefresh!,
    });
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const again = await app.acquireTokenSilent({
      account: first.account!,
      scopes: MAIL_SCOPES,
      forceRefresh: true,
    });
    expect(issuer.introspect(again.accessToken).active).toBe(true);
    expect(issuer.issuedRefreshTokens(user)).toHaveLength(3);
  });

  it('msal-node: revoked refresh tokens make a silent refresh ask for interaction (invalid_grant)', async () => {
    const user = 'revoked-user@example.edu';
    const app = new PublicClientApplication({ auth: msalAuth('desktop-app') });
    const first = await signInWithDeviceCode(app, user);
    issuer.revokeRefreshTokens(user);
    const failure: unknown = await app
      .acquireTokenSilent({ account: first.account!, scopes: MAIL_SCOPES, forceRefresh: true })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InteractionRequiredAuthError);
    expect((failure as InteractionRequiredAuthError).errorCode).toBe('invalid_grant');
    expect(issuer.requests.at(-1)).toMatchObject({ status: 400, error: 'invalid_grant' });
  });

  it('google-auth-library: code with PKCE through a loopback redirect, refresh, then invalid_grant once revoked', async () => {
    const user = 'gmail-user@example.com';
    issuer.registerClient('google-app', { secret: 'google-secret' });
    const received: URLSearchParams[] = [];
    const loopback = http.createServer((req, res) => {
      received.push(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
      res.end('You may close this window.');
    });
    await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
    try {
      const client = new OAuth2Client({
        clientId: 'google-app',
        clientSecret: 'google-secret',
        redirectUri: `http://127.0.0.1:${(loopback.address() as AddressInfo).port}/callback`,
        endpoints: {
          oauth2AuthBaseUrl: `${issuer.httpsUrl}/o/oauth2/v2/auth`,
          oauth2TokenUrl: `${issuer.httpsUrl}/token`,
        },
      });
      /** The "browser": follows the authorization URL to the loopback redirect. */
      const authorize = async (challenge: string): Promise<string> => {
        const url = client.generateAuthUrl({
          access_type: 'offline',
          scope: [GMAIL_SCOPE],
          state: 'state-42',
          login_hint: user,
          code_challenge: challenge,
          code_challenge_method: CodeChallengeMethod.S256,
        });
        expect((await fetch(url)).status).toBe(200);
        expect(received.at(-1)?.get('state')).toBe('state-42');
        return received.at(-1)?.get('code') ?? '';
      };
      const pkce = await client.generateCodeVerifierAsync();
      const wrongVerifier = client.getToken({
        code: await authorize(pkce.codeChallenge!),
        codeVerifier: 'x'.repeat(43),
      });
      await expect(wrongVerifier).rejects.toThrow(/invalid_grant/);

      const { tokens } = await client.getToken({
        code: await authorize(pkce.codeChallenge!),
        codeVerifier: pkce.codeVerifier,
      });
      expect(issuer.introspect(tokens.access_token ?? '')).toMatchObject({ active: true, username: user });
      expect(tokens.refresh_token).toBe(issuer.issuedRefreshTokens(user)[0]);
      client.setCredentials(tokens);
      for (let round = 0; round < 2; round++) {
        const { credentials } = await client.refreshAccessToken();
        expect(credentials.access_token).not.toBe(tokens.access_token);
        expect(issuer.introspect(credentials.access_token ?? '')).toMatchObject({
          active: true,
          username: user,
        });
      }
      // Google does not rotate: the one refresh token served both refreshes.
      expect(issuer.issuedRefreshTokens(user)).toEqual([tokens.refresh_token]);

      issuer.revokeRefreshTokens(user);
      await expect(client.refreshAccessToken()).rejects.toMatchObject({
        response: { data: { error: 'invalid_grant' } },
      });
    } finally {
      await new Promise((resolve) => loopback.close(resolve));
    }
  });
});

describe('SMTP sink in OAuth2 mode', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink({
      oauth: (user, token) => {
        const { active, username } = issuer.introspect(token);
        return active && username === user;
      },
    });
  });

  afterAll(async () => {
    await sink?.close();
  });

  /** Sends one message as `auth.user` through a nodemailer transport. */
  const send = (auth: SMTPTransport.Options['auth'] & { user: string }) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, auth })
      .sendMail({ from: auth.user, to: 'applicant@example.org', subject: 'OAuth', text: 'Hello' });

  it('accepts a good XOAUTH2 token; refuses a bad one (535), a token of another user and any password', async () => {
    const user = 'sender@example.edu';
    const token = await accessTokenFor(user);
    await send({ type: 'OAuth2', user, accessToken: token });
    expect(sink.messages.map((message) => message.from)).toEqual([user]);

    await expect(send({ type: 'OAuth2', user, accessToken: 'not-a-token' })).rejects.toMatchObject({
      responseCode: 535,
    });
    const stranger = 'other@example.edu';
    await expect(send({ type: 'OAuth2', user: stranger, accessToken: token })).rejects.toMatchObject({
      responseCode: 535,
    });
    await expect(send({ user, pass: 'password' })).rejects.toThrow();
    expect(sink.messages).toHaveLength(1);
    // After the 334 challenge nodemailer asks its token source for a renewed token and tries once more.
    expect(sink.logins).toEqual([
      { user, method: 'XOAUTH2', accepted: true },
      { user, method: 'XOAUTH2', accepted: false },
      { user, method: 'XOAUTH2', accepted: false },
      { user: stranger, method: 'XOAUTH2', accepted: false },
      { user: stranger, method: 'XOAUTH2', accepted: false },
    ]);
  });

  it("a token that went stale is renewed through nodemailer's provisionCallback after the 334 challenge", async () => {
    const user = 'renewing@example.edu';
    const stale = await accessTokenFor(user);
    issuer.expireAccessTokens(user);
    const fresh = await accessTokenFor(user);
    const renewals: boolean[] = [];
    await send({
      type: 'OAuth2',
      user,
      accessToken: stale,
      provisionCallback: (_user, renew, callback) => {
        renewals.push(renew);
        callback(null, fresh);
      },
    });
    expect(renewals).toEqual([true]);
    expect(sink.logins.filter((login) => login.user === user).map((login) => login.accepted)).toEqual([
      false,
      true,
    ]);
    expect(sink.messages.at(-1)?.from).toBe(user);
  });
});

/** `a AUTHENTICATE XOAUTH2` on a raw IMAP connection (an error challenge gets the empty reply); the tagged answer. */
function imapXoauth2(port: number, user: string, token: string): Promise<string> {
  const payload = Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let buffer = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer to AUTHENTICATE XOAUTH2')));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (line.startsWith('* OK [CAPABILITY')) socket.write(`a AUTHENTICATE XOAUTH2 ${payload}\r\n`);
        else if (line.startsWith('+')) socket.write('\r\n');
        else if (line.startsWith('a ')) {
          socket.end('b LOGOUT\r\n');
          resolve(line);
        }
      }
    });
  });
}

describe.skipIf(!dovecotAvailable())('Dovecot with the oauth2 passdb', () => {
  let dovecot: DovecotServer;
  const clients: ImapFlow[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot({ oauth2IntrospectionUrl: `${issuer.httpUrl}/introspect` });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await dovecot?.stop();
  });

  /** Logs in with imapflow; `commands` collects the commands it sent (credentials hidden by imapflow). */
  async function connect(
    auth: { user: string; accessToken: string } | { user: string; pass: string },
    commands: string[] = [],
  ) {
    const log = (entry: { src?: string; msg?: string }): void => {
      if (entry.src === 'c') commands.push(entry.msg ?? '');
    };
    const logger = { debug: log, info: log, warn: () => undefined, error: () => undefined };
    const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, logger, auth });
    client.on('error', () => undefined);
    clients.push(client);
    await client.connect();
    return client;
  }

  it('imapflow logs in with OAUTHBEARER; the same token is refused once expired, and for another user', async () => {
    const { user } = await dovecot.createUser('oauth');
    const token = await accessTokenFor(user);
    const commands: string[] = [];
    const client = await connect({ user, accessToken: token }, commands);
    expect(commands.find((command) => command.includes('AUTHENTICATE'))).toMatch(/AUTHENTICATE OAUTHBEARER/);
    expect(await client.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
    await client.logout();
    const lookups = issuer.requests.filter((entry) => entry.path === '/introspect');
    expect(lookups.at(-1)).toMatchObject({
      status: 200,
      params: { token: '<redacted>' },
      rawParams: { token },
    });

    const { user: stranger } = await dovecot.createUser('stranger');
    await expect(connect({ user: stranger, accessToken: token })).rejects.toMatchObject({
      authenticationFailed: true,
    });
    issuer.expireAccessTokens(user);
    await expect(connect({ user, accessToken: token })).rejects.toMatchObject({ authenticationFailed: true });
    expect(issuer.requests.filter((entry) => entry.path === '/introspect')).toHaveLength(lookups.length + 2);
  });

  it('accepts XOAUTH2 on a raw IMAP session, and refuses the token once expired', async () => {
    const { user } = await dovecot.createUser('xoauth2');
    const token = await accessTokenFor(user);
    expect(await imapXoauth2(dovecot.port, user, token)).toMatch(/^a OK /);
    issuer.expireAccessTokens(user);
    expect(await imapXoauth2(dovecot.port, user, token)).toMatch(/^a NO /);
  });

  it('password logins still work next to the oauth2 passdb, and a wrong password never reaches the issuer', async () => {
    const account = await dovecot.createUser('password');
    const before = issuer.requests.length;
    const client = await connect(account);
    expect(await client.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
    await client.logout();
    await expect(connect({ user: account.user, pass: 'wrong' })).rejects.toMatchObject({
      authenticationFailed: true,
    });
    expect(issuer.requests.slice(before)).toEqual([]);
  });
});
