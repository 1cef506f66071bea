import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startDovecot, type DovecotServer } from './dovecot.ts';
import { startOAuthIssuer, type OAuthIssuer } from './oauth-issuer.ts';
import { REDIS_URL } from './redis-prefix.ts';

/** The servers of an OAuth2 test file: the issuer, a Dovecot that checks its tokens, Redis and a folder. */
export interface OAuthServers {
  issuer: OAuthIssuer;
  dovecot: DovecotServer;
  redis: Redis;
  /** A temporary folder for configuration files. */
  dir: string;
}

/**
 * Registers, for the whole file, a local issuer whose certificate this process trusts (MSAL insists on https),
 * a Dovecot with the oauth2 passdb pointed at it, a Redis connection and a temporary folder; runs each test's
 * cleanups after it.
 */
export function useOAuthServers(): { servers: OAuthServers; cleanups: Array<() => Promise<void>> } {
  const servers = {} as OAuthServers;
  const cleanups: Array<() => Promise<void>> = [];
  const defaultCas = tls.getCACertificates('default');
  beforeAll(async () => {
    servers.issuer = await startOAuthIssuer();
    tls.setDefaultCACertificates([...defaultCas, servers.issuer.caPem]);
    servers.dovecot = await startDovecot({
      oauth2IntrospectionUrl: `${servers.issuer.httpUrl}/introspect`,
    });
    servers.redis = new Redis(REDIS_URL);
    servers.dir = await mkdtemp(path.join(tmpdir(), 'triage-oauth-'));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    tls.setDefaultCACertificates(defaultCas);
    servers.redis.disconnect();
    await Promise.all([servers.dovecot.stop(), servers.issuer.close()]);
    await rm(servers.dir, { recursive: true, force: true });
  });
  return { servers, cleanups };
}
