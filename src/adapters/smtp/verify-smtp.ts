import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type { MailboxConfig } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { SmtpLogin } from '../oauth/mailbox-logins.ts';

/** Connects to an SMTP server, logs in when given a login (a password or an OAuth2 token), and disconnects. */
export async function verifySmtp(
  smtp: MailboxConfig['smtp'],
  login: () => Promise<SmtpLogin | undefined>,
): Promise<void> {
  const where = `smtp ${smtp.host}:${smtp.port}`;
  const auth = await login();
  const connection = new SMTPConnection({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    tls: { rejectUnauthorized: !smtp.allowSelfSigned },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect(() => {
        if (auth === undefined) return resolve();
        connection.login(auth, (error) => (error ? reject(error) : resolve()));
      });
    });
  } catch (error) {
    throw new TriageError('smtp-unavailable', `${where}: ${(error as Error).message}`, { cause: error });
  } finally {
    connection.quit();
    connection.close();
  }
}
