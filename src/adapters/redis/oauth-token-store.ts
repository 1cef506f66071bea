import type { RedisClient } from './redis-client.ts';
import { openText, sealText, type TokenKey } from '../../auth/token-cipher.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/** An access token as the processes share it. */
export interface StoredAccess {
  token: string;
  /** Epoch ms when the provider said it expires, and when it was obtained. */
  expiresAt: number;
  obtainedAt: number;
}

/** A mailbox's sign-in as `check`, `status` and the alerts see it (nothing secret). */
export interface OAuthState {
  /** none: never signed in; ok: tokens can be had; needs-login: a person must run `triage login`. */
  state: 'none' | 'ok' | 'needs-login';
  reason: string | null;
  since: string | null;
  /** Who signed in, as the provider named them. */
  account: string | null;
  signedInAt: string | null;
  refreshedAt: string | null;
  accessExpiresAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Incremented at each sign-in: a waiting watcher notices a new one. */
  version: number;
}

/**
 * The OAuth2 grants (refresh tokens, MSAL's token cache) and shared access tokens in Redis, each sealed with
 * AES-256-GCM under the token key and bound to its mailbox and field; the state beside them is plain.
 */
export class OAuthTokenStore {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly key: TokenKey | null;
  private readonly prefix: string;

  constructor(redis: RedisClient, keys: RedisKeys, key: TokenKey | null) {
    this.redis = redis;
    this.keys = keys;
    this.key = key;
    this.prefix = keys.oauth('');
  }

  async readState(mailboxId: string): Promise<OAuthState> {
    const stored = await this.redis.hgetall(this.keys.oauth(mailboxId));
    const state = stored.state === 'ok' || stored.state === 'needs-login' ? stored.state : 'none';
    return {
      state,
      reason: stored.reason ?? null,
      since: stored.since ?? null,
      account: stored.account ?? null,
      signedInAt: stored.signedInAt ?? null,
      refreshedAt: stored.refreshedAt ?? null,
      accessExpiresAt: stored.accessExpiresAt ?? null,
      lastError: stored.lastError ?? null,
      lastErrorAt: stored.lastErrorAt ?? null,
      version: Number(stored.version ?? 0),
    };
  }

  /** The grant the last sign-in left (opened with the key), or null when there is none. */
  async readGrant(mailboxId: string): Promise<string | null> {
    const sealed = await this.redis.hget(this.keys.oauth(mailboxId), 'grant');
    return sealed === null ? null : openText(this.requireKey(), sealed, this.context(mailboxId, 'grant'));
  }

  /** What a token request needs, in one read: whether a person must sign in (and why), and the access token. */
  async readCurrent(mailboxId: string): Promise<{ needsLogin: string | null; access: StoredAccess | null }> {
    const [state, reason, sealed] = await this.redis.hmget(
      this.keys.oauth(mailboxId),
      'state',
      'reason',
      'access',
    );
    if (state === 'needs-login') return { needsLogin: reason ?? 'refused', access: null };
    if (sealed === null || sealed === undefined) return { needsLogin: null, access: null };
    const opened = openText(this.requireKey(), sealed, this.context(mailboxId, 'access'));
    return { needsLogin: null, access: JSON.parse(opened) as StoredAccess };
  }

  /**
   * A person signed in (or the app's credentials were accepted): the new grant (none for app-only access) and first
   * access token replace everything, and the state is ok again.
   */
  async saveSignIn(
    mailboxId: string,
    grant: string | null,
    access: StoredAccess,
    account: string | null,
  ): Promise<void> {
    const key = this.keys.oauth(mailboxId);
    const now = new Date().toISOString();
    await this.redis
      .multi()
      .hdel(key, 'reason', 'since', 'lastError', 'lastErrorAt', 'account', 'grant')
      .hset(key, {
        state: 'ok',
        ...(grant === null
          ? {}
          : { grant: sealText(this.requireKey(), grant, this.context(mailboxId, 'grant')) }),
        ...this.accessFields(mailboxId, access),
        signedInAt: now,
        refreshedAt: now,
        ...(account === null ? {} : { account }),
      })
      .hincrby(key, 'version', 1)
      .exec();
  }

  /** A refreshed access token, and the grant when the provider rotated it (saved in the same write). */
  async saveRefresh(mailboxId: string, access: StoredAccess, grant: string | null): Promise<void> {
    const key = this.keys.oauth(mailboxId);
    await this.redis
      .multi()
      .hdel(key, 'lastError', 'lastErrorAt')
      .hset(key, {
        state: 'ok',
        ...this.accessFields(mailboxId, access),
        refreshedAt: new Date().toISOString(),
        ...(grant === null
          ? {}
          : { grant: sealText(this.requireKey(), grant, this.context(mailboxId, 'grant')) }),
      })
      .exec();
  }

  /** The provider refused the grant for good: tokens are dropped and a person must sign in again. */
  async markNeedsLogin(mailboxId: string, reason: string): Promise<void> {
    const key = this.keys.oauth(mailboxId);
    const now = new Date().toISOString();
    await this.redis
      .multi()
      .hdel(key, 'access', 'accessExpiresAt', 'grant')
      .hset(key, { state: 'needs-login', reason, since: now, lastError: reason, lastErrorAt: now })
      .exec();
  }

  /** A refresh that failed for a passing reason (the provider unreachable): recorded, nothing dropped. */
  async recordError(mailboxId: string, reason: string): Promise<void> {
    await this.redis.hset(this.keys.oauth(mailboxId), {
      lastError: reason,
      lastErrorAt: new Date().toISOString(),
    });
  }

  /** Takes the mailbox's refresh lock for `owner`; false when another process holds it. */
  async lock(mailboxId: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.oauthRefreshLock(mailboxId), owner, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async unlock(mailboxId: string, owner: string): Promise<void> {
    await runScript(this.redis, 'lease-release', this.keys.oauthRefreshLock(mailboxId), owner);
  }

  private accessFields(mailboxId: string, access: StoredAccess): Record<string, string> {
    return {
      access: sealText(this.requireKey(), JSON.stringify(access), this.context(mailboxId, 'access')),
      accessExpiresAt: new Date(access.expiresAt).toISOString(),
    };
  }

  private context(mailboxId: string, field: string): string {
    return `${this.prefix}${mailboxId}:${field}`;
  }

  private requireKey(): TokenKey {
    if (this.key === null)
      throw new TriageError('oauth-key', 'no token key: set the variable named by security.tokenKeyEnv');
    return this.key;
  }
}
