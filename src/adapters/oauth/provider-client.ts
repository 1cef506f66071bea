import type { MailboxConfig } from '../../config/schema.ts';
import type { OAuthConfig } from '../../config/oauth-schema.ts';
import { googleClient } from './google-client.ts';
import { microsoftClient } from './microsoft-client.ts';
import type { OAuthProviderClient } from './provider-tokens.ts';

/** The provider client of a mailbox that signs in with OAuth2. */
export function providerClient(
  mailbox: Pick<MailboxConfig, 'id' | 'address'>,
  auth: OAuthConfig,
): OAuthProviderClient {
  const context = `mailbox ${mailbox.id} (${auth.provider})`;
  return auth.provider === 'microsoft365'
    ? microsoftClient(auth, context)
    : googleClient(auth, mailbox.address, context);
}
