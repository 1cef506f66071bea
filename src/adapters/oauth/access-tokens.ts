import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MailboxConfig } from '../../config/schema.ts';
import { isTriageError, TriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { OAuthTokenStore, StoredAccess } from '../redis/oauth-token-store.ts';
import { providerClient } from './provider-client.ts';
import type { OAuthProviderClient } from './provider-tokens.ts';

/** How long one refresh may hold the lock; the others wait at most this long for it. */
const REFRESH_LOCK_MS = 30_000;
const WAIT_STEP_MS = 100;

/** Refresh when less than this share of a token's life is left (5 minutes of an hour's token), at most 5 minutes. */
export function refreshDue(access: StoredAccess, now: number): boolean {
  const margin = Math.min(5 * 60_000, (access.expiresAt - access.obtainedAt) / 2);
  return access.expiresAt - now <= margin;
}

/**
 * The access tokens of the OAuth2 mailboxes, shared by every process through Redis: a token is used until it is
 * near its expiry or a server refused it, then one process refreshes it (under a lock) while the others wait for
 * the new one. A provider's refusal of the grant puts the mailbox in `needs-login` until `triage login`.
 */
export class AccessTokens {
  private readonly store: OAuthTokenStore;
  private readonly logger: Logger;
  private readonly owner = randomUUID();
  private readonly clients = new Map<string, Promise<OAuthProviderClient>>();

  constructor(store: OAuthTokenStore, logger: Logger) {
    this.store = store;
    this.logger = logger.child({ component: 'oauth' });
  }

  /**
   * A usable access token for the mailbox; `rejected` is a token a server just refused, which is never returned
   * again. Throws `oauth-needs-login` while a person must sign in, `oauth-unavailable` when the provider cannot be
   * reached (retried later).
   */
  async token(mailbox: MailboxConfig, rejected?: string): Promise<string> {
    const deadline = Date.now() + REFRESH_LOCK_MS + 5_000;
    for (;;) {
      const usable = await this.usable(mailbox, rejected);
      if (usable !== null) return usable;
      if (await this.store.lock(mailbox.id, this.owner, REFRESH_LOCK_MS)) {
        try {
          return (await this.usable(mailbox, rejected)) ?? (await this.refresh(mailbox));
        } finally {
          await this.store.unlock(mailbox.id, this.owner).catch(() => undefined);
        }
      }
      if (Date.now() > deadline)
        throw new TriageError(
          'oauth-unavailable',
          `mailbox ${mailbox.id}: another process's token refresh did not finish`,
        );
      await sleep(WAIT_STEP_MS);
    }
  }

  private async usable(mailbox: MailboxConfig, rejected: string | undefined): Promise<string | null> {
    const { needsLogin, access } = await this.store.readCurrent(mailbox.id);
    if (needsLogin !== null)
      throw new TriageError(
        'oauth-needs-login',
        `mailbox ${mailbox.id} needs a new sign-in (${needsLogin}): run triage login ${mailbox.id}`,
      );
    if (access === null || access.token === rejected || refreshDue(access, Date.now())) return null;
    return access.token;
  }

  private async refresh(mailbox: MailboxConfig): Promise<string> {
    const client = await this.client(mailbox);
    const grant = client.keepsGrant ? await this.store.readGrant(mailbox.id) : null;
    if (client.keepsGrant && grant === null) {
      await this.store.markNeedsLogin(mailbox.id, 'never signed in');
      throw new TriageError(
        'oauth-needs-login',
        `mailbox ${mailbox.id} was never signed in: run triage login ${mailbox.id}`,
      );
    }
    try {
      const obtainedAt = Date.now();
      const tokens = await client.refresh(grant);
      await this.store.saveRefresh(
        mailbox.id,
        { token: tokens.accessToken, expiresAt: tokens.expiresAt, obtainedAt },
        tokens.grant !== null && tokens.grant !== grant ? tokens.grant : null,
      );
      this.logger.info(
        {
          mailbox: mailbox.id,
          expiresAt: new Date(tokens.expiresAt).toISOString(),
          rotated: tokens.grant !== grant,
        },
        'access token refreshed',
      );
      return tokens.accessToken;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isTriageError(error, 'oauth-needs-login')) {
        await this.store.markNeedsLogin(mailbox.id, reason);
        this.logger.error(
          { mailbox: mailbox.id, reason, state: 'needs-login', command: `triage login ${mailbox.id}` },
          'the provider refused the sign-in; a person must sign in again',
        );
      } else {
        await this.store.recordError(mailbox.id, reason).catch(() => undefined);
      }
      throw error;
    }
  }

  private client(mailbox: MailboxConfig): Promise<OAuthProviderClient> {
    const existing = this.clients.get(mailbox.id);
    if (existing !== undefined) return existing;
    if (mailbox.auth === undefined)
      throw new TriageError('config-invalid', `mailbox ${mailbox.id} has no OAuth2 settings`);
    const created = providerClient(mailbox, mailbox.auth);
    this.clients.set(mailbox.id, created);
    return created;
  }
}
