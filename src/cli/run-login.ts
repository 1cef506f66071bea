import { connectImap } from '../adapters/imap/connect-imap.ts';
import { AccessTokens } from '../adapters/oauth/access-tokens.ts';
import { loginName, MailboxLogins } from '../adapters/oauth/mailbox-logins.ts';
import { requireTokenKey } from '../adapters/oauth/open-mailbox-logins.ts';
import { providerClient } from '../adapters/oauth/provider-client.ts';
import { MailboxHealthStore } from '../adapters/redis/mailbox-health-store.ts';
import { OAuthTokenStore } from '../adapters/redis/oauth-token-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import type { Config } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';
import { checkHint } from './check-hints.ts';
import { printText } from './print-text.ts';
import { quietLogger } from './quiet-logger.ts';

/**
 * `triage login <mailbox>`: the provider's sign-in (Microsoft's device code, Google's browser sign-in on a
 * loopback port; for app-only and service-account access, a first token from the app's own credentials), the grant
 * sealed into Redis, the mailbox's wait cleared so the daemon logs in at once, and an IMAP login with the new token
 * to show it works. Exit 1 when that login fails.
 */
export async function runLogin(config: Config, mailboxId: string): Promise<number> {
  const mailbox = config.mailboxes.find((candidate) => candidate.id === mailboxId);
  if (mailbox === undefined)
    throw new TriageError(
      'input-invalid',
      `no mailbox has id "${mailboxId}" (configured: ${config.mailboxes.map((candidate) => candidate.id).join(', ')})`,
    );
  const auth = mailbox.auth;
  if (auth === undefined)
    throw new TriageError(
      'input-invalid',
      `mailbox ${mailbox.id} logs in with a password (imap.auth): there is nothing to sign in`,
    );
  const key = requireTokenKey(config);
  const redis = await reachRedis(config.redis, 'login');
  const cancel = new AbortController();
  const onSignal = () => cancel.abort();
  process.once('SIGINT', onSignal);
  try {
    const keys = redisKeys(config.redis.prefix);
    const store = new OAuthTokenStore(redis, keys, key);
    printText(
      `Signing in mailbox ${mailbox.id} (${mailbox.address}) with ${auth.provider}, ${auth.flow} access.`,
    );
    const obtainedAt = Date.now();
    const tokens = await (
      await providerClient(mailbox, auth)
    ).signIn({
      say: (line) => printText(line),
      signal: cancel.signal,
    });
    await store.saveSignIn(
      mailbox.id,
      tokens.grant,
      { token: tokens.accessToken, expiresAt: tokens.expiresAt, obtainedAt },
      tokens.account,
    );
    await new MailboxHealthStore(redis, keys).clearAuthWait(mailbox.id);
    const who = tokens.account ?? loginName(mailbox);
    printText(
      `Signed in as ${who}; the token is stored in Redis, encrypted with ${config.security.tokenKeyEnv}.`,
    );
    if (tokens.account !== null && tokens.account.toLowerCase() !== loginName(mailbox).toLowerCase())
      printText(
        `warning: the mailbox logs in as ${loginName(mailbox)}, but ${tokens.account} signed in; set auth.user if that is meant`,
      );
    const logins = new MailboxLogins(new AccessTokens(store, quietLogger('fatal')));
    try {
      const client = await connectImap(mailbox, quietLogger('fatal'), {
        maxMessageBytes: config.limits.maxMessageBytes,
        purpose: 'login',
        logins,
      });
      const status = await client
        .status(mailbox.watch, { messages: true })
        .finally(() => client.logout().catch(() => client.close()));
      printText(
        `IMAP login works: ${mailbox.watch} has ${status === false ? '?' : String(status.messages ?? '?')} messages. The daemon goes on from where it stopped.`,
      );
      return 0;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const hint = checkHint(error, 'oauth2');
      printText(
        `IMAP login with the new token failed: ${reason}${hint === null ? '' : ` — ${hint}`}`,
        process.stderr,
      );
      return 1;
    }
  } finally {
    process.off('SIGINT', onSignal);
    redis.disconnect();
  }
}
