import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-node';
import type { OAuthConfig } from '../../config/oauth-schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import {
  classifyTokenError,
  NEEDS_A_PERSON,
  type OAuthProviderClient,
  type ProviderTokens,
  type SignInIo,
} from './provider-tokens.ts';

/**
 * Microsoft 365 through MSAL: delegated (device-code sign-in; the grant kept is MSAL's serialized token cache,
 * refreshed silently, so a rotated refresh token is kept whenever Entra ID issues one) or app-only (client
 * credentials; nothing kept).
 */
export function microsoftClient(auth: OAuthConfig, context: string): OAuthProviderClient {
  const authority = auth.authority ?? '';
  const configuration: Configuration = {
    auth: {
      clientId: auth.clientId,
      authority,
      // Any authority not in Microsoft's cloud list (a national cloud, a test issuer) is trusted as given.
      knownAuthorities: [new URL(authority).host],
      ...(auth.clientSecret === undefined ? {} : { clientSecret: auth.clientSecret }),
    },
  };
  const scopes = auth.scopes;
  if (auth.flow === 'app-only') {
    const app = new ConfidentialClientApplication(configuration);
    const acquire = async (): Promise<ProviderTokens> => {
      try {
        const result = await app.acquireTokenByClientCredential({ scopes, skipCache: true });
        if (result === null) throw new TriageError('oauth-unavailable', `${context}: no token in the answer`);
        return tokensOf(result, null);
      } catch (error) {
        throw classify(error, context);
      }
    };
    return { keepsGrant: false, refresh: acquire, signIn: acquire };
  }
  return {
    keepsGrant: true,
    async refresh(grant) {
      const app = new PublicClientApplication(configuration);
      const cache = app.getTokenCache();
      if (grant !== null) cache.deserialize(grant);
      try {
        const [account] = await cache.getAllAccounts();
        if (account === undefined)
          throw new TriageError('oauth-needs-login', `${context}: no signed-in account is stored`);
        const result = await app.acquireTokenSilent({ account, scopes, forceRefresh: true });
        return tokensOf(result, cache.serialize());
      } catch (error) {
        throw classify(error, context);
      }
    },
    async signIn(io: SignInIo) {
      const app = new PublicClientApplication(configuration);
      try {
        const result = await app.acquireTokenByDeviceCode({
          scopes,
          deviceCodeCallback: (response) => io.say(response.message),
          timeout: 900,
        });
        if (result === null)
          throw new TriageError('oauth-needs-login', `${context}: the sign-in gave no token`);
        return tokensOf(result, app.getTokenCache().serialize());
      } catch (error) {
        throw classify(error, context);
      }
    },
  };
}

function tokensOf(result: AuthenticationResult, grant: string | null): ProviderTokens {
  return {
    accessToken: result.accessToken,
    expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3600_000,
    grant,
    account: result.account?.username ?? null,
  };
}

function classify(error: unknown, context: string): TriageError {
  const code = (error as { errorCode?: unknown }).errorCode;
  const known = typeof code === 'string' && code !== '' ? code : undefined;
  // MSAL's InteractionRequiredAuthError carries the server's code (invalid_grant, consent_required, ...).
  if (error instanceof InteractionRequiredAuthError)
    return classifyTokenError(
      error,
      context,
      NEEDS_A_PERSON.has(known ?? '') ? known : 'interaction_required',
    );
  return classifyTokenError(error, context, known);
}
