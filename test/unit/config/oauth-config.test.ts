import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';

function config(mailbox: Record<string, unknown>) {
  return JSON.stringify({
    mailboxes: [{ id: 'chen', address: 'chen@uni.example', from: 'chen@uni.example', ...mailbox }],
    vacancies: [{ id: 'v', tag: 'PHD-x', title: 'PhD', supervisors: ['chen@uni.example'] }],
  });
}

describe('mailboxes[].auth (OAuth2)', () => {
  it('a Microsoft 365 mailbox needs only its address and the app id: servers, authority and scopes are filled in', () => {
    const parsed = parseConfig(
      config({ auth: { type: 'oauth2', provider: 'microsoft365', clientId: 'app-id' } }),
      {},
    );
    const [mailbox] = parsed.mailboxes;
    expect(mailbox?.imap).toMatchObject({ host: 'outlook.office365.com', port: 993, secure: true });
    expect(mailbox?.smtp).toMatchObject({ host: 'smtp.office365.com', port: 587, secure: false });
    expect(mailbox?.auth).toMatchObject({
      flow: 'delegated',
      authority: 'https://login.microsoftonline.com/organizations',
      scopes: [
        'https://outlook.office.com/IMAP.AccessAsUser.All',
        'https://outlook.office.com/SMTP.Send',
        'offline_access',
      ],
    });
    expect(parsed.security.tokenKeyEnv).toBe('TRIAGE_TOKEN_KEY');
  });

  it('a Gmail mailbox gets Google servers and endpoints; its own settings win', () => {
    const parsed = parseConfig(
      config({
        auth: { type: 'oauth2', provider: 'gmail', clientId: 'id', clientSecret: 's' },
        smtp: { port: 587, secure: false },
      }),
      {},
    );
    const [mailbox] = parsed.mailboxes;
    expect(mailbox?.imap.host).toBe('imap.gmail.com');
    expect(mailbox?.smtp).toMatchObject({ host: 'smtp.gmail.com', port: 587, secure: false });
    expect(mailbox?.auth).toMatchObject({
      tokenUrl: 'https://oauth2.googleapis.com/token',
      scopes: ['https://mail.google.com/'],
    });
  });

  it.each([
    [
      { auth: { type: 'oauth2', provider: 'microsoft365', clientId: 'a', flow: 'app-only' } },
      'mailboxes[0].auth.clientSecret: required for app-only access; mailboxes[0].auth.tenant: app-only access needs the tenant id or domain',
    ],
    [
      { auth: { type: 'oauth2', provider: 'gmail', clientId: 'a' } },
      "mailboxes[0].auth.clientSecret: required: the OAuth client's secret",
    ],
    [
      { auth: { type: 'oauth2', provider: 'gmail', clientId: 'a', flow: 'app-only' } },
      'mailboxes[0].auth.flow: gmail supports delegated, service-account',
    ],
    [
      {
        auth: { type: 'oauth2', provider: 'generic', clientId: 'a' },
        imap: { host: 'i' },
        smtp: { host: 's' },
      },
      'mailboxes[0].auth.authorizeUrl: required for a generic provider',
    ],
    [
      {
        auth: { type: 'oauth2', provider: 'microsoft365', clientId: 'a', authority: 'http://login.example' },
      },
      'mailboxes[0].auth.authority: must be an https:// URL',
    ],
    [
      {
        auth: { type: 'oauth2', provider: 'microsoft365', clientId: 'a' },
        imap: { auth: { user: 'u', pass: 'p' } },
      },
      'mailboxes[0].imap.auth: not used with OAuth2',
    ],
    [
      { imap: { host: 'imap.uni.example' }, smtp: { host: 'smtp' } },
      'mailboxes[0].imap.auth: required (user and password)',
    ],
    [
      {
        auth: { type: 'oauth2', provider: 'outlook', clientId: 'a' },
        imap: { host: 'i' },
        smtp: { host: 's' },
      },
      'mailboxes[0].auth.provider',
    ],
  ])('names the key: %j', (mailbox, message) => {
    expect(() => parseConfig(config(mailbox), {})).toThrow(message);
  });
});
