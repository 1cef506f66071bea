/**
 * Integration-test harness: a local OAuth2/OpenID issuer shaped like the Microsoft identity platform (v2.0, per
 * tenant) and like Google, serving one handler on a loopback HTTPS port (MSAL insists on https authorities)
 * and a loopback HTTP port, with an RFC 7662 introspection endpoint for Dovecot's oauth2 passdb. Tokens are
 * opaque random strings kept in memory; the certificate is made at start with the openssl CLI.
 */
import { createHash, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type Server } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createTestCertificate } from './test-certificate.ts';

/** One request the issuer answered. */
export interface IssuerRequest {
  method: string;
  /** The path without its query string, e.g. `/tenant-id/oauth2/v2.0/token`. */
  path: string;
  /** Query and body parameters (and a Basic client login), every credential replaced by '<redacted>'. */
  params: Record<string, string>;
  /** The same parameters as sent, to assert which token a client used. */
  rawParams: Record<string, string>;
  status: number;
  /** The OAuth error code answered (`invalid_grant`, `authorization_pending`, ...), if any. */
  error?: string;
}

/** What the issuer says about an access token (RFC 7662; `username` is whom it was issued to). */
export interface Introspection {
  active: boolean;
  username?: string;
  client_id?: string;
  scope?: string;
  exp?: number;
}

/** A registered client: with a secret it is confidential (the secret is checked on every token request). */
export interface IssuerClient {
  secret?: string;
  /** Whom a client_credentials token is for (introspects as); defaults to the client id. */
  appUser?: string;
}

/** Options of `startOAuthIssuer`. */
export interface OAuthIssuerOptions {
  /** Who signs in at an authorization endpoint when the request carries no `login_hint`. */
  defaultUser?: string;
  /** Lifetime of a device code (default 900 s). */
  deviceCodeSeconds?: number;
  /** Google's `/token` rotates refresh tokens too (default false: as at Google, a refresh answers no new one). */
  rotateGoogleRefreshTokens?: boolean;
  /** Unregistered client ids are taken as public clients (default true). */
  acceptUnknownClients?: boolean;
}

/** A running issuer. */
export interface OAuthIssuer {
  /** `https://127.0.0.1:<port>`: Microsoft authority `${httpsUrl}/<tenant>`, Google `${httpsUrl}/o/oauth2/v2/auth` and `/token`. */
  httpsUrl: string;
  /** The same endpoints over plain HTTP (Dovecot's introspection: `${httpUrl}/introspect`). */
  httpUrl: string;
  /** The self-signed certificate (its own CA), PEM file, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** The same certificate, for `tls.setDefaultCACertificates([...tls.getCACertificates('default'), caPem])`. */
  caPem: string;
  /** Every request answered, in order. */
  requests: IssuerRequest[];
  /** Registers (or replaces) a client. */
  registerClient(clientId: string, client?: IssuerClient): void;
  /** The expires_in (and lifetime) of access tokens issued from now on; default 3600. */
  setAccessTokenSeconds(seconds: number): void;
  /** Who signs in at an authorization endpoint when a request carries no `login_hint`. */
  setDefaultUser(user: string): void;
  /** The user signs in on the "browser" with the code a device flow showed; throws for an unknown code. */
  approveDevice(userCode: string, user: string): void;
  /** User codes of device flows still waiting for `approveDevice`. */
  pendingUserCodes(): string[];
  /** The user's refresh tokens stop working: a refresh grant then answers 400 invalid_grant. */
  revokeRefreshTokens(user: string): void;
  /** The user's access tokens issued so far become inactive at /introspect, whatever their expires_in said. */
  expireAccessTokens(user: string): void;
  /** The answer /introspect gives for a token (for an in-process SMTP sink). */
  introspect(token: string): Introspection;
  /** The refresh tokens issued to a user, oldest first (valid or not), to assert rotation. */
  issuedRefreshTokens(user: string): string[];
  /** The access tokens issued to a user, oldest first. */
  issuedAccessTokens(user: string): string[];
  /** Stops both servers and removes the certificate's temp dir. */
  close(): Promise<void>;
}

type Flavor = 'microsoft' | 'google';
type Params = Record<string, string>;
interface Grant {
  user: string;
  clientId: string;
  scope: string;
  tenant: string;
  flavor: Flavor;
}
interface Call {
  method: string;
  path: string;
  params: Params;
  /** The origin the request came in on (https or http). */
  base: string;
}
interface Reply {
  status: number;
  body?: object;
  location?: string;
  error?: string;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
// msal-node sends the short form; Microsoft's endpoint takes both.
const DEVICE_GRANT_SHORT = 'device_code';
const REDACTED = new Set([
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
  'refresh_token',
  'code',
  'code_verifier',
  'device_code',
  'token',
]);
const MICROSOFT_PATH =
  /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/\w+|discovery\/v2\.0\/keys)$/;
const RESERVED_TENANTS = new Set(['common', 'organizations', 'consumers']);

/** Thrown by a handler to answer with an OAuth error. */
class OAuthFailure extends Error {
  readonly reply: Reply;
  constructor(status: number, error: string, description: string, extra: object = {}) {
    super(description);
    this.reply = { status, body: { error, error_description: description, ...extra }, error };
  }
}

const fail = (status: number, error: string, description: string, extra?: object): never => {
  throw new OAuthFailure(status, error, description, extra);
};

/** A refused refresh token, worded as each provider does (Microsoft's suberror makes MSAL ask for interaction). */
const refusedRefresh = (flavor: Flavor): never =>
  flavor === 'google'
    ? fail(400, 'invalid_grant', 'Token has been expired or revoked.')
    : fail(400, 'invalid_grant', 'AADSTS50173: The provided grant has expired due to it being revoked.', {
        error_codes: [50173],
        suberror: 'bad_token',
      });
const ok = (body: object): Reply => ({ status: 200, body });
const random = (bytes = 32): string => randomBytes(bytes).toString('base64url');
const encodeJson = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const grantOf = ({ user, clientId, scope, tenant, flavor }: Grant): Grant => ({
  user,
  clientId,
  scope,
  tenant,
  flavor,
});
const hasScope = (scope: string | undefined, wanted: string): boolean =>
  (scope ?? '').split(/\s+/).includes(wanted);

/** A stable UUID-shaped id for a name (object and tenant ids). */
function stableId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
    '-',
  );
}

/** The tenant id tokens carry: the path's tenant, or a fixed id for common/organizations/consumers. */
const tenantId = (tenant: string): string =>
  RESERVED_TENANTS.has(tenant) ? stableId('oauth-issuer-tenant') : tenant;

/** A Microsoft-style user code: nine letters and digits, no look-alikes. */
function makeUserCode(): string {
  const alphabet = 'BCDFGHJKLMNPQRSTVWXZ23456789';
  return [...randomBytes(9)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** An unsigned (alg none) ID token: clients decode it for the account, none verifies it. */
function makeIdToken(grant: Grant, base: string): string {
  const now = Math.floor(Date.now() / 1000);
  const oid = stableId(grant.user);
  const tid = tenantId(grant.tenant);
  const common = { aud: grant.clientId, sub: oid, iat: now, nbf: now, exp: now + 3600, name: grant.user };
  const claims =
    grant.flavor === 'microsoft'
      ? { ...common, iss: `${base}/${tid}/v2.0`, oid, tid, preferred_username: grant.user, ver: '2.0' }
      : { ...common, iss: base, email: grant.user, email_verified: true };
  return `${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(claims)}.`;
}

/** The Microsoft OpenID configuration of a tenant (what msal-node reads: issuer, endpoints, jwks_uri). */
function microsoftMetadata(base: string, tenant: string): object {
  const root = `${base}/${tenant}`;
  return {
    issuer: `${root}/v2.0`,
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    token_endpoint: `${root}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    jwks_uri: `${root}/discovery/v2.0/keys`,
    introspection_endpoint: `${base}/introspect`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', DEVICE_GRANT],
    code_challenge_methods_supported: ['S256', 'plain'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'oid', 'tid', 'preferred_username'],
  };
}

/** The request's query and body parameters, with a Basic client login filled in where the body has none. */
async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const body: Params = (req.headers['content-type'] ?? '').includes('json')
    ? (JSON.parse(text || '{}') as Params)
    : Object.fromEntries(new URLSearchParams(text));
  const params: Params = { ...Object.fromEntries(url.searchParams), ...body };
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic) {
    const login = Buffer.from(basic, 'base64').toString('utf8');
    const colon = login.indexOf(':');
    params.client_id ??= decodeURIComponent(login.slice(0, colon));
    params.client_secret ??= decodeURIComponent(login.slice(colon + 1));
  }
  return params;
}

const redact = (params: Params): Params =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, REDACTED.has(key) ? '<redacted>' : value]),
  );

/** Starts the issuer on two free loopback ports (HTTPS and HTTP). */
export async function startOAuthIssuer(options: OAuthIssuerOptions = {}): Promise<OAuthIssuer> {
  const cert = await createTestCertificate();
  const requests: IssuerRequest[] = [];
  const clients = new Map<string, IssuerClient>();
  const accessTokens = new Map<string, Grant & { expiresAt: number; expired: boolean }>();
  const refreshTokens = new Map<string, Grant & { valid: boolean }>();
  const devices = new Map<
    string,
    Omit<Grant, 'user'> & { userCode: string; expiresAt: number; user?: string }
  >();
  const codes = new Map<
    string,
    Grant & { redirectUri: string; offline: boolean; challenge?: string; method: string }
  >();
  let accessSeconds = 3600;
  let defaultUser = options.defaultUser;
  const deviceSeconds = options.deviceCodeSeconds ?? 900;

  /** Issues an access token (and a refresh token when `refresh`), with an ID token when openid was asked for. */
  const tokenReply = (grant: Grant, call: Call, refresh: boolean): Reply => {
    const accessToken = random();
    accessTokens.set(accessToken, { ...grant, expiresAt: Date.now() + accessSeconds * 1000, expired: false });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: grant.scope,
      expires_in: accessSeconds,
      access_token: accessToken,
    };
    if (grant.flavor === 'microsoft') body.ext_expires_in = accessSeconds;
    if (refresh) {
      body.refresh_token = random(48);
      refreshTokens.set(body.refresh_token as string, { ...grant, valid: true });
    }
    if (hasScope(grant.scope, 'openid')) body.id_token = makeIdToken(grant, call.base);
    if (call.params.client_info === '1')
      body.client_info = encodeJson({ uid: stableId(grant.user), utid: tenantId(grant.tenant) });
    return ok(body);
  };

  /** The client a request names; a confidential one must present its secret. */
  const authenticateClient = (
    params: Params,
    checkSecret: boolean,
  ): { id: string; client?: IssuerClient } => {
    const id = params.client_id ?? fail(401, 'invalid_client', 'client_id is missing');
    const client = clients.get(id);
    if (!client && options.acceptUnknownClients === false)
      fail(401, 'invalid_client', `unknown client ${id}`);
    if (checkSecret && client?.secret !== undefined && params.client_secret !== client.secret)
      fail(401, 'invalid_client', 'the client secret is wrong or missing');
    return { id, client };
  };

  const deviceAuthorization = (call: Call, tenant: string): Reply => {
    const { id } = authenticateClient(call.params, false);
    const [deviceCode, userCode] = [random(), makeUserCode()];
    const scope = call.params.scope ?? '';
    const expiresAt = Date.now() + deviceSeconds * 1000;
    devices.set(deviceCode, { userCode, clientId: id, scope, tenant, flavor: 'microsoft', expiresAt });
    const uri = `${call.base}/devicelogin`;
    return ok({
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: uri,
      expires_in: deviceSeconds,
      interval: 1,
      message: `To sign in, use a web browser to open the page ${uri} and enter the code ${userCode} to authenticate.`,
    });
  };

  /** The authorization endpoint: the "browser" signs in as login_hint (or the default user) and consents. */
  const authorize = (call: Call, tenant: string, flavor: Flavor): Reply => {
    const p = call.params;
    const { id } = authenticateClient(p, false);
    let target: URL;
    try {
      target = new URL(p.redirect_uri ?? '');
    } catch {
      return fail(400, 'invalid_request', 'redirect_uri is missing or not a URL');
    }
    const user = p.login_hint || defaultUser;
    const answer = (fields: Params): Reply => {
      for (const [key, value] of Object.entries({ ...fields, ...(p.state ? { state: p.state } : {}) }))
        target.searchParams.set(key, value);
      return { status: 302, location: target.href, error: fields.error };
    };
    if (p.response_type !== 'code') return answer({ error: 'unsupported_response_type' });
    if (!user) return answer({ error: 'access_denied', error_description: 'no user signed in' });
    const code = random();
    const offline = flavor === 'google' ? p.access_type === 'offline' : hasScope(p.scope, 'offline_access');
    const [scope, method, challenge] = [p.scope ?? '', p.code_challenge_method ?? 'plain', p.code_challenge];
    const grant = { user, clientId: id, scope, tenant, flavor };
    codes.set(code, {
      ...grant,
      redirectUri: target.href,
      offline,
      method,
      ...(challenge ? { challenge } : {}),
    });
    return answer({ code });
  };

  const authorizationCodeGrant = (call: Call, clientId: string): Reply => {
    const code = call.params.code ?? '';
    const record = codes.get(code);
    codes.delete(code);
    if (!record || record.clientId !== clientId) return fail(400, 'invalid_grant', 'unknown or used code');
    if (record.redirectUri !== new URL(call.params.redirect_uri ?? 'invalid:').href)
      fail(400, 'invalid_grant', 'redirect_uri differs from the authorization request');
    const verifier = call.params.code_verifier;
    const computed =
      record.method === 'S256' && verifier !== undefined
        ? createHash('sha256').update(verifier).digest('base64url')
        : verifier;
    if (record.challenge !== undefined && computed !== record.challenge)
      fail(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    const scope = call.params.scope ?? record.scope;
    return tokenReply({ ...grantOf(record), scope }, call, record.offline);
  };

  const deviceCodeGrant = (call: Call, clientId: string): Reply => {
    const deviceCode = call.params.device_code ?? '';
    const device = devices.get(deviceCode);
    if (!device || device.clientId !== clientId) return fail(400, 'invalid_grant', 'unknown device code');
    if (Date.now() >= device.expiresAt) fail(400, 'expired_token', 'the device code expired');
    if (device.user === undefined)
      return fail(400, 'authorization_pending', 'the user has not signed in yet');
    devices.delete(deviceCode);
    const grant = grantOf({ ...device, user: device.user });
    return tokenReply(grant, call, hasScope(device.scope, 'offline_access'));
  };

  const refreshGrant = (call: Call, clientId: string, flavor: Flavor): Reply => {
    const record = refreshTokens.get(call.params.refresh_token ?? '');
    if (!record?.valid || record.clientId !== clientId) return refusedRefresh(flavor);
    const rotate = record.flavor === 'microsoft' || options.rotateGoogleRefreshTokens === true;
    if (rotate) record.valid = false;
    return tokenReply({ ...grantOf(record), scope: call.params.scope ?? record.scope }, call, rotate);
  };

  const token = (call: Call, tenant: string, flavor: Flavor): Reply => {
    const { id, client } = authenticateClient(call.params, true);
    switch (call.params.grant_type) {
      case DEVICE_GRANT:
      case DEVICE_GRANT_SHORT:
        return deviceCodeGrant(call, id);
      case 'refresh_token':
        return refreshGrant(call, id, flavor);
      case 'authorization_code':
        return authorizationCodeGrant(call, id);
      case 'client_credentials':
        if (client?.secret === undefined)
          fail(400, 'unauthorized_client', 'a public client has no app token');
        return tokenReply(
          { user: client?.appUser ?? id, clientId: id, scope: call.params.scope ?? '', tenant, flavor },
          call,
          false,
        );
      default:
        return fail(400, 'unsupported_grant_type', `grant_type ${call.params.grant_type ?? '(none)'}`);
    }
  };

  const introspect = (value: string): Introspection => {
    const record = accessTokens.get(value);
    if (!record || record.expired || Date.now() >= record.expiresAt) return { active: false };
    const exp = Math.floor(record.expiresAt / 1000);
    return { active: true, username: record.user, client_id: record.clientId, scope: record.scope, exp };
  };

  const microsoftRoute = (call: Call, tenant: string, rest: string): Reply => {
    switch (`${call.method} ${rest}`) {
      case 'GET v2.0/.well-known/openid-configuration':
        return ok(microsoftMetadata(call.base, tenant));
      case 'GET discovery/v2.0/keys':
        return ok({ keys: [] });
      case 'GET oauth2/v2.0/authorize':
        return authorize(call, tenant, 'microsoft');
      case 'POST oauth2/v2.0/devicecode':
        return deviceAuthorization(call, tenant);
      case 'POST oauth2/v2.0/token':
        return token(call, tenant, 'microsoft');
      case 'GET oauth2/v2.0/logout':
        return ok({});
      default:
        return fail(404, 'not_found', `${call.method} ${call.path}`);
    }
  };

  const route = (call: Call): Reply => {
    const microsoft = MICROSOFT_PATH.exec(call.path);
    if (microsoft) return microsoftRoute(call, microsoft[1]!, microsoft[2]!);
    switch (`${call.method} ${call.path}`) {
      case 'GET /o/oauth2/v2/auth':
        return authorize(call, '', 'google');
      case 'POST /token':
        return token(call, '', 'google');
      case 'GET /devicelogin':
        return ok({ message: 'the sign-in page is simulated: the test calls approveDevice(userCode, user)' });
      case 'POST /introspect':
        return ok(introspect(call.params.token ?? fail(400, 'invalid_request', 'token is missing')));
      default:
        return fail(404, 'not_found', `${call.method} ${call.path}`);
    }
  };

  const handle = async (req: IncomingMessage, res: http.ServerResponse, base: string): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    let params: Params = {};
    let reply: Reply;
    try {
      params = await readParams(req, url);
      reply = route({ method, path: url.pathname, params, base });
    } catch (error) {
      reply =
        error instanceof OAuthFailure
          ? error.reply
          : { status: 400, body: { error: 'invalid_request', error_description: String(error) } };
    }
    const error = reply.error ?? (reply.body as { error?: string } | undefined)?.error;
    const [path, status] = [url.pathname, reply.status];
    requests.push({
      method,
      path,
      params: redact(params),
      rawParams: params,
      status,
      ...(error ? { error } : {}),
    });
    const headers = reply.location
      ? { location: reply.location }
      : { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
    res.writeHead(reply.status, headers).end(reply.body ? JSON.stringify(reply.body) : undefined);
  };

  const listen = async (server: Server, scheme: string): Promise<string> => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('request', (req: IncomingMessage, res: http.ServerResponse) => void handle(req, res, base));
    return base;
  };
  const servers = [https.createServer({ cert: cert.certPem, key: cert.keyPem }), http.createServer()];
  const [httpsUrl, httpUrl] = [await listen(servers[0]!, 'https'), await listen(servers[1]!, 'http')];
  const issued = <T extends { user: string }>(map: Map<string, T>, user: string): string[] =>
    [...map].filter(([, record]) => record.user === user).map(([value]) => value);

  return {
    httpsUrl,
    httpUrl,
    caFile: cert.certFile,
    caPem: cert.certPem,
    requests,
    registerClient(clientId, client = {}) {
      clients.set(clientId, { ...client });
    },
    setAccessTokenSeconds(seconds) {
      accessSeconds = seconds;
    },
    setDefaultUser(user) {
      defaultUser = user;
    },
    approveDevice(userCode, user) {
      const device = [...devices.values()].find((entry) => entry.userCode === userCode);
      if (!device) throw new Error(`no device flow is waiting for user code ${userCode}`);
      device.user = user;
    },
    pendingUserCodes: () =>
      [...devices.values()]
        .filter((entry) => entry.user === undefined && entry.expiresAt > Date.now())
        .map((entry) => entry.userCode),
    revokeRefreshTokens(user) {
      for (const record of refreshTokens.values()) if (record.user === user) record.valid = false;
    },
    expireAccessTokens(user) {
      for (const record of accessTokens.values()) if (record.user === user) record.expired = true;
    },
    introspect,
    issuedRefreshTokens: (user) => issued(refreshTokens, user),
    issuedAccessTokens: (user) => issued(accessTokens, user),
    async close() {
      await Promise.all(
        servers.map((server) => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          return closed;
        }),
      );
      await cert.remove();
    },
  };
}
