import { CodeChallengeMethod, JWT, OAuth2Client, type Credentials } from 'google-auth-library';
import type { OAuthConfig } from '../../config/oauth-schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import { listenForRedirect } from './loopback-redirect.ts';
import {
  classifyTokenError,
  type OAuthProviderClient,
  type ProviderTokens,
  type SignInIo,
} from './provider-tokens.ts';

/** The grant kept for an authorisation-code sign-in: the refresh token. */
interface RefreshGrant {
  refreshToken: string;
}

/**
 * Gmail / Google Workspace and generic OAuth2 providers through google-auth-library: the installed-app flow
 * (a browser sign-in redirected to a loopback port, with PKCE) keeping the refresh token, or a Workspace service
 * account with domain-wide delegation acting as the mailbox (nothing kept).
 */
export function googleClient(
  auth: OAuthConfig,
  mailboxAddress: string,
  context: string,
): OAuthProviderClient {
  if (auth.flow === 'service-account') {
    const acquire = async (): Promise<ProviderTokens> => {
      const jwt = new JWT({
        keyFile: auth.serviceAccountKeyFile ?? '',
        scopes: auth.scopes,
        subject: auth.user ?? mailboxAddress,
      });
      try {
        return tokensOf(await jwt.authorize(), null, null);
      } catch (error) {
        throw classify(error, context);
      }
    };
    return { keepsGrant: false, refresh: acquire, signIn: acquire };
  }
  const client = (redirectUri?: string) =>
    new OAuth2Client({
      clientId: auth.clientId,
      ...(auth.clientSecret === undefined ? {} : { clientSecret: auth.clientSecret }),
      ...(redirectUri === undefined ? {} : { redirectUri }),
      endpoints: {
        ...(auth.authorizeUrl === undefined ? {} : { oauth2AuthBaseUrl: auth.authorizeUrl }),
        ...(auth.tokenUrl === undefined ? {} : { oauth2TokenUrl: auth.tokenUrl }),
      },
    });
  return {
    keepsGrant: true,
    async refresh(grant) {
      const stored = grant === null ? null : (JSON.parse(grant) as Partial<RefreshGrant>);
      if (typeof stored?.refreshToken !== 'string')
        throw new TriageError('oauth-needs-login', `${context}: no refresh token is stored`);
      const oauth = client();
      oauth.setCredentials({ refresh_token: stored.refreshToken });
      try {
        const { credentials } = await oauth.refreshAccessToken();
        const rotated = credentials.refresh_token ?? stored.refreshToken;
        const kept = rotated === stored.refreshToken ? null : JSON.stringify({ refreshToken: rotated });
        return tokensOf(credentials, kept, null);
      } catch (error) {
        throw classify(error, context);
      }
    },
    async signIn(io: SignInIo) {
      const redirect = await listenForRedirect(io.signal);
      try {
        const oauth = client(redirect.uri);
        const verifier = await oauth.generateCodeVerifierAsync();
        const url = oauth.generateAuthUrl({
          access_type: 'offline',
          prompt: 'consent',
          scope: auth.scopes,
          state: redirect.state,
          login_hint: auth.user ?? mailboxAddress,
          code_challenge: verifier.codeChallenge ?? '',
          code_challenge_method: CodeChallengeMethod.S256,
        });
        io.say(
          `Open this address in a browser on this machine and sign in as ${auth.user ?? mailboxAddress}:`,
        );
        io.say(url);
        const code = await redirect.code;
        const { tokens } = await oauth.getToken({
          code,
          codeVerifier: verifier.codeVerifier,
          redirect_uri: redirect.uri,
        });
        if (typeof tokens.refresh_token !== 'string' || tokens.refresh_token === '')
          throw new TriageError(
            'oauth-needs-login',
            `${context}: the provider gave no refresh token; remove the app's access from the account and sign in again`,
          );
        return tokensOf(
          tokens,
          JSON.stringify({ refreshToken: tokens.refresh_token }),
          auth.user ?? mailboxAddress,
        );
      } catch (error) {
        throw classify(error, context);
      } finally {
        redirect.close();
      }
    },
  };
}

function tokensOf(credentials: Credentials, grant: string | null, account: string | null): ProviderTokens {
  if (typeof credentials.access_token !== 'string' || credentials.access_token === '')
    throw new TriageError('oauth-unavailable', 'the token endpoint gave no access token');
  return {
    accessToken: credentials.access_token,
    expiresAt: credentials.expiry_date ?? Date.now() + 3600_000,
    grant,
    account,
  };
}

function classify(error: unknown, context: string): TriageError {
  const data = (error as { response?: { data?: { error?: unknown } } }).response?.data;
  const code = typeof data?.error === 'string' ? data.error : undefined;
  return classifyTokenError(error, context, code);
}
