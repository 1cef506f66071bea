import type { MailboxConfig } from '../../config/schema.ts';
import type { OAuthConfig } from '../../config/oauth-schema.ts';
import type { OAuthProviderClient } from './provider-tokens.ts';

/**
 * The provider client of a mailbox that signs in with OAuth2. MSAL and google-auth-library are loaded only here,
 * when a mailbox needs one: together they cost about 55 MB of RSS and 0.3 s, which a daemon, `check` or
 * `digest --now` with password mailboxes only should not pay.
 */
export async function providerClient(
  mailbox: Pick<MailboxConfig, 'id' | 'address'>,
  auth: OAuthConfig,
): Promise<OAuthProviderClient> {
  const context = `mailbox ${mailbox.id} (${auth.provider})`;
  if (auth.provider === 'microsoft365') {
    const { microsoftClient } = await import('./microsoft-client.ts');
    return microsoftClient(auth, context);
  }
  const { googleClient } = await import('./google-client.ts');
  return googleClient(auth, mailbox.address, context);
}
