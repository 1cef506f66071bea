import type { RedisClient } from '../redis/redis-client.ts';
import { readTokenKey, type TokenKey } from '../../auth/token-cipher.ts';
import type { Config } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { OAuthTokenStore } from '../redis/oauth-token-store.ts';
import type { RedisKeys } from '../redis/redis-keys.ts';
import { AccessTokens } from './access-tokens.ts';
import { MailboxLogins } from './mailbox-logins.ts';

/** The logins of a process, and the token store behind them when a mailbox uses OAuth2. */
export interface OpenedLogins {
  logins: MailboxLogins;
  tokens: OAuthTokenStore | null;
}

/**
 * The token key named by `security.tokenKeyEnv`, required when any mailbox signs in with OAuth2: a missing or weak
 * key is a configuration error naming the variable (the daemon does not start, `check` fails), null when no
 * mailbox needs one.
 */
export function requireTokenKey(config: Config, env: NodeJS.ProcessEnv = process.env): TokenKey | null {
  if (!config.mailboxes.some((mailbox) => mailbox.auth !== undefined)) return null;
  const variable = config.security.tokenKeyEnv;
  const reading = readTokenKey(variable, env[variable]);
  if (!reading.ok) throw new TriageError('config-invalid', `security.tokenKeyEnv: ${reading.problem}`);
  return reading.key;
}

/**
 * Opens how every mailbox logs in (passwords, or shared OAuth2 tokens in Redis), with the token key
 * `requireTokenKey` read (null: no mailbox uses OAuth2).
 */
export function openMailboxLogins(
  redis: RedisClient,
  keys: RedisKeys,
  logger: Logger,
  key: TokenKey | null,
): OpenedLogins {
  if (key === null) return { logins: new MailboxLogins(null), tokens: null };
  const tokens = new OAuthTokenStore(redis, keys, key);
  return { logins: new MailboxLogins(new AccessTokens(tokens, logger)), tokens };
}
