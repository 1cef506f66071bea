/** The OAuth2 providers a mailbox can sign in with. */
export type OAuthProvider = 'microsoft365' | 'gmail' | 'generic';

/** How the daemon gets its tokens: a person's sign-in, the app's own credentials, or a Workspace service account. */
export type OAuthFlow = 'delegated' | 'app-only' | 'service-account';

/** The servers and defaults a provider implies (a mailbox's own settings override each). */
export interface ProviderPreset {
  imap?: { host: string; port: number; secure: boolean };
  smtp?: { host: string; port: number; secure: boolean };
  flows: readonly OAuthFlow[];
  scopes: Partial<Record<OAuthFlow, readonly string[]>>;
}

/**
 * Microsoft 365 (Exchange Online): IMAP and SMTP AUTH with the Outlook resource's scopes; app-only through the
 * `.default` scope of outlook.office365.com, as Microsoft documents for IMAP/SMTP with client credentials.
 * Gmail and Google Workspace: the one scope that allows IMAP and SMTP, https://mail.google.com/.
 */
export const PROVIDER_PRESETS: Readonly<Record<OAuthProvider, ProviderPreset>> = {
  microsoft365: {
    imap: { host: 'outlook.office365.com', port: 993, secure: true },
    smtp: { host: 'smtp.office365.com', port: 587, secure: false },
    flows: ['delegated', 'app-only'],
    scopes: {
      delegated: [
        'https://outlook.office.com/IMAP.AccessAsUser.All',
        'https://outlook.office.com/SMTP.Send',
        'offline_access',
      ],
      'app-only': ['https://outlook.office365.com/.default'],
    },
  },
  gmail: {
    imap: { host: 'imap.gmail.com', port: 993, secure: true },
    smtp: { host: 'smtp.gmail.com', port: 465, secure: true },
    flows: ['delegated', 'service-account'],
    scopes: { delegated: ['https://mail.google.com/'], 'service-account': ['https://mail.google.com/'] },
  },
  generic: { flows: ['delegated'], scopes: {} },
};

/** Microsoft's sign-in authority for a tenant (an id, a domain, or `organizations`). */
export function microsoftAuthority(tenant: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenant)}`;
}

/** Google's endpoints for the installed-app flow. */
export const GOOGLE_ENDPOINTS = {
  authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
} as const;
