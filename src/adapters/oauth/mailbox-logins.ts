import XOAuth2 from 'nodemailer/lib/xoauth2/index.js';
import type SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type { MailboxConfig } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { AccessTokens } from './access-tokens.ts';

/** What imapflow logs in with: a password, or an OAuth2 access token (XOAUTH2 / OAUTHBEARER). */
export type ImapLogin = { user: string; pass: string } | { user: string; accessToken: string };

/** What nodemailer's SMTPConnection logs in with. */
export type SmtpLogin = SMTPConnection.Credentials | SMTPConnection.AuthenticationOAuth2;

/**
 * How each mailbox logs in to IMAP and SMTP: its configured passwords, or the shared OAuth2 access token of
 * AccessTokens (a refused token is replaced once by a refreshed one, for IMAP here and for SMTP by nodemailer's
 * XOAUTH2 retry).
 */
export class MailboxLogins {
  private readonly tokens: AccessTokens | null;

  constructor(tokens: AccessTokens | null) {
    this.tokens = tokens;
  }

  /** The IMAP login; `rejected`: the access token the server just refused. */
  async imap(mailbox: MailboxConfig, rejected?: string): Promise<ImapLogin> {
    if (mailbox.auth === undefined) {
      const auth = mailbox.imap.auth;
      if (auth === undefined) throw new TriageError('config-invalid', `mailbox ${mailbox.id}: no imap.auth`);
      return { user: auth.user, pass: auth.pass };
    }
    return { user: loginName(mailbox), accessToken: await this.requireTokens().token(mailbox, rejected) };
  }

  /** The SMTP login, or undefined when the server takes mail without one. */
  async smtp(mailbox: MailboxConfig): Promise<SmtpLogin | undefined> {
    if (mailbox.auth === undefined)
      return mailbox.smtp.auth === undefined
        ? undefined
        : { user: mailbox.smtp.auth.user, pass: mailbox.smtp.auth.pass };
    const tokens = this.requireTokens();
    const user = loginName(mailbox);
    let current = await tokens.token(mailbox);
    const oauth2 = new XOAuth2({
      user,
      accessToken: current,
      provisionCallback: (_user, renew, callback) => {
        tokens.token(mailbox, renew ? current : undefined).then(
          (token) => {
            current = token;
            callback(null, token, 0);
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
        );
      },
    });
    return { oauth2 };
  }

  private requireTokens(): AccessTokens {
    if (this.tokens === null)
      throw new TriageError('oauth-key', 'OAuth2 tokens are not available in this process');
    return this.tokens;
  }
}

/** The name an OAuth2 mailbox logs in as: `auth.user`, else its address. */
export function loginName(mailbox: Pick<MailboxConfig, 'address' | 'auth'>): string {
  return mailbox.auth?.user ?? mailbox.address;
}
