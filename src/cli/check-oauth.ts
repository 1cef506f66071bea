import type { RedisClient } from '../adapters/redis/redis-client.ts';
import { MailboxLogins, loginName } from '../adapters/oauth/mailbox-logins.ts';
import { openMailboxLogins, requireTokenKey } from '../adapters/oauth/open-mailbox-logins.ts';
import type { OAuthState } from '../adapters/redis/oauth-token-store.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import type { TokenKey } from '../auth/token-cipher.ts';
import type { Config, MailboxConfig } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { CheckLine } from './check-line.ts';

/** How `check` logs in, and the lines it reports about the OAuth2 sign-ins before the servers are tried. */
export interface CheckLogins {
  logins: MailboxLogins;
  lines: CheckLine[];
}

/**
 * The token key line (refused when missing or weak) and one `auth <mailbox>` line per mailbox: its method, and
 * for OAuth2 who signed in, when, and until when the access token holds — or that a person must sign in.
 */
export async function checkLogins(
  config: Config,
  redis: RedisClient | null,
  logger: Logger,
): Promise<CheckLogins> {
  const oauth = config.mailboxes.filter((mailbox) => mailbox.auth !== undefined);
  if (oauth.length === 0) return { logins: new MailboxLogins(null), lines: [] };
  const variable = config.security.tokenKeyEnv;
  const none = new MailboxLogins(null);
  let key: TokenKey | null;
  try {
    key = requireTokenKey(config);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { logins: none, lines: [{ ok: false, name: 'token key', detail }] };
  }
  const lines: CheckLine[] = [{ ok: true, name: 'token key', detail: `${variable} is set (AES-256-GCM)` }];
  if (redis === null) {
    lines.push({
      ok: false,
      name: 'oauth2',
      detail: 'Redis is not reachable: the stored tokens cannot be read',
    });
    return { logins: none, lines };
  }
  const opened = openMailboxLogins(redis, redisKeys(config.redis.prefix), logger, key);
  for (const mailbox of config.mailboxes) {
    if (mailbox.auth === undefined) {
      lines.push({ ok: true, name: `auth ${mailbox.id}`, detail: 'password' });
      continue;
    }
    const state = await opened.tokens?.readState(mailbox.id);
    lines.push(authLine(mailbox, state ?? null));
  }
  return { logins: opened.logins, lines };
}

/** One mailbox's sign-in as `check` reports it. Pure. */
export function authLine(mailbox: MailboxConfig, state: OAuthState | null): CheckLine {
  const auth = mailbox.auth;
  const name = `auth ${mailbox.id}`;
  if (auth === undefined) return { ok: true, name, detail: 'password' };
  const method = `oauth2 ${auth.provider} (${auth.flow}) as ${loginName(mailbox)}`;
  const login = `run: triage login ${mailbox.id}`;
  if (state?.state === 'needs-login')
    return {
      ok: false,
      name,
      detail: `${method}: needs a new sign-in since ${state.since ?? '?'} (${state.reason ?? 'refused'}); ${login}`,
    };
  const keepsGrant = auth.flow === 'delegated';
  if (keepsGrant && (state === null || state.state === 'none'))
    return { ok: false, name, detail: `${method}: never signed in; ${login}` };
  const parts = [method];
  if (state?.account) parts.push(`signed in as ${state.account} at ${state.signedInAt ?? '?'}`);
  if (state?.accessExpiresAt) parts.push(`access token valid until ${state.accessExpiresAt}`);
  if (state?.lastError) parts.push(`last refresh error ${state.lastErrorAt ?? ''}: ${state.lastError}`);
  return { ok: true, name, detail: parts.join(', ') };
}
