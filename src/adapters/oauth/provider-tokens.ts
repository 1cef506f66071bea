import { TriageError } from '../../errors/triage-error.ts';
import { serverText } from '../../output/server-text.ts';

/** What a provider gave: an access token, and the grant to keep (null: nothing to keep, or unchanged). */
export interface ProviderTokens {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  grant: string | null;
  /** Who signed in, as the provider names them (delegated sign-ins). */
  account: string | null;
}

/** Where an interactive sign-in talks to the person running it. */
export interface SignInIo {
  /** One line for the person (the URL to open, the code to enter). */
  say(line: string): void;
  signal: AbortSignal;
}

/** A provider's token endpoint behind one interface: a refresh from the stored grant, and the first sign-in. */
export interface OAuthProviderClient {
  /** True when the flow keeps a grant (a refresh token): a person signs in once with `triage login`. */
  readonly keepsGrant: boolean;
  refresh(grant: string | null): Promise<ProviderTokens>;
  signIn(io: SignInIo): Promise<ProviderTokens>;
}

// RFC 6749 section 5.2 and the providers' own: the grant or the app is refused, and only a person can fix it.
export const NEEDS_A_PERSON: ReadonlySet<string> = new Set([
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'interaction_required',
  'consent_required',
  'login_required',
  'access_denied',
  'no_tokens_found',
  'no_account_in_silent_request',
]);

/**
 * Turns a token endpoint's refusal into `oauth-needs-login` (revoked, expired, consent withdrawn, the app's secret
 * refused) and anything else (the provider unreachable, a 5xx) into `oauth-unavailable`, which is retried.
 */
export function classifyTokenError(
  error: unknown,
  context: string,
  errorCode: string | undefined,
): TriageError {
  if (error instanceof TriageError) return error;
  const text = serverText(error instanceof Error ? error.message : String(error));
  if (errorCode !== undefined && NEEDS_A_PERSON.has(errorCode)) {
    const said = text.startsWith(errorCode) ? text : `${errorCode}: ${text}`;
    return new TriageError('oauth-needs-login', `${context}: ${said}`, { cause: error });
  }
  return new TriageError('oauth-unavailable', `${context}: ${text}`, { cause: error });
}
