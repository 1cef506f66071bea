import { z } from 'zod';
import {
  GOOGLE_ENDPOINTS,
  microsoftAuthority,
  PROVIDER_PRESETS,
  type OAuthFlow,
  type OAuthProvider,
} from './oauth-providers.ts';

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
// A generic provider's endpoints may be plain http on the same machine (a local identity proxy).
const endpointUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' });

const oauthFields = z.strictObject({
  type: z.literal('oauth2'),
  provider: z.enum(['microsoft365', 'gmail', 'generic']),
  /** delegated: a person signs in once (`triage login`); app-only / service-account: the app's own credentials. */
  flow: z.enum(['delegated', 'app-only', 'service-account']).default('delegated'),
  clientId: z.string().trim().min(1),
  clientSecret: z.string().min(1).optional(),
  /** Microsoft Entra tenant: its id or domain; `organizations` (any work or school account) by default. */
  tenant: z.string().trim().min(1).optional(),
  /** Microsoft sign-in authority, when not https://login.microsoftonline.com/<tenant> (national clouds). */
  authority: httpsUrl.optional(),
  authorizeUrl: endpointUrl.optional(),
  tokenUrl: endpointUrl.optional(),
  scopes: z.array(z.string().trim().min(1)).min(1).optional(),
  /** Google Workspace: the service account's JSON key file (domain-wide delegation). */
  serviceAccountKeyFile: z.string().min(1).optional(),
  /** The login name, when it is not the mailbox's address. */
  user: z.string().trim().min(1).optional(),
});

type OAuthFields = z.infer<typeof oauthFields>;

/** A mailbox's OAuth2 settings with every default of its provider filled in. */
export interface OAuthConfig {
  type: 'oauth2';
  provider: OAuthProvider;
  flow: OAuthFlow;
  clientId: string;
  clientSecret?: string;
  /** Microsoft 365 only: the authority MSAL signs in at. */
  authority?: string;
  authorizeUrl?: string;
  tokenUrl?: string;
  scopes: string[];
  serviceAccountKeyFile?: string;
  user?: string;
}

/** `mailboxes[].auth`: OAuth2 instead of `imap.auth` / `smtp.auth` passwords. */
export const oauthSchema = oauthFields.superRefine(checkOAuth).transform(resolveOAuth);

function checkOAuth(auth: OAuthFields, context: z.RefinementCtx): void {
  const problem = (path: string, message: string) =>
    context.addIssue({ code: 'custom', path: [path], message });
  const preset = PROVIDER_PRESETS[auth.provider];
  if (!preset.flows.includes(auth.flow)) {
    problem('flow', `${auth.provider} supports ${preset.flows.join(', ')}`);
    return;
  }
  if (auth.provider === 'microsoft365' && auth.flow === 'app-only') {
    if (auth.clientSecret === undefined) problem('clientSecret', 'required for app-only access');
    const tenant = auth.tenant ?? 'organizations';
    if (auth.authority === undefined && ['organizations', 'common', 'consumers'].includes(tenant))
      problem('tenant', 'app-only access needs the tenant id or domain, e.g. uni.example');
  }
  if (auth.provider === 'gmail' && auth.flow === 'delegated' && auth.clientSecret === undefined)
    problem('clientSecret', "required: the OAuth client's secret from Google Cloud (Desktop app)");
  if (auth.flow === 'service-account' && auth.serviceAccountKeyFile === undefined)
    problem('serviceAccountKeyFile', 'required for a service account');
  if (auth.provider === 'generic') {
    if (auth.authorizeUrl === undefined) problem('authorizeUrl', 'required for a generic provider');
    if (auth.tokenUrl === undefined) problem('tokenUrl', 'required for a generic provider');
    if (auth.scopes === undefined) problem('scopes', 'required for a generic provider');
  }
  if (auth.provider !== 'microsoft365' && (auth.tenant ?? auth.authority) !== undefined)
    problem(auth.tenant === undefined ? 'authority' : 'tenant', 'only for microsoft365');
}

function resolveOAuth(auth: OAuthFields): OAuthConfig {
  const { tenant, ...rest } = auth;
  const scopes = auth.scopes ?? [...(PROVIDER_PRESETS[auth.provider].scopes[auth.flow] ?? [])];
  if (auth.provider === 'microsoft365')
    return { ...rest, scopes, authority: auth.authority ?? microsoftAuthority(tenant ?? 'organizations') };
  if (auth.provider === 'gmail')
    return {
      ...rest,
      scopes,
      authorizeUrl: auth.authorizeUrl ?? GOOGLE_ENDPOINTS.authorizeUrl,
      tokenUrl: auth.tokenUrl ?? GOOGLE_ENDPOINTS.tokenUrl,
    };
  return { ...rest, scopes };
}

/**
 * Fills in a mailbox's IMAP and SMTP servers from its OAuth2 provider (before validation), so that a Microsoft 365
 * or Gmail mailbox needs only its address and the app's ids; what the mailbox sets itself wins.
 */
export function applyProviderServers(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const mailbox = raw as Record<string, unknown>;
  const auth = mailbox.auth as { provider?: unknown } | undefined;
  const provider = typeof auth?.provider === 'string' ? auth.provider : undefined;
  if (provider === undefined || !Object.hasOwn(PROVIDER_PRESETS, provider)) return raw;
  const preset = PROVIDER_PRESETS[provider as OAuthProvider];
  const merged = { ...mailbox };
  for (const protocol of ['imap', 'smtp'] as const) {
    const own = mailbox[protocol];
    const defaults = preset[protocol];
    if (defaults === undefined) continue;
    if (own === undefined) merged[protocol] = { ...defaults };
    else if (typeof own === 'object' && own !== null) merged[protocol] = { ...defaults, ...own };
  }
  return merged;
}
