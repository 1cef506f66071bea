import nodemailer from 'nodemailer';
import type { MailboxConfig } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';

/** Connects to a mailbox's SMTP server, logs in when configured, and disconnects. */
export async function verifySmtp(mailbox: Pick<MailboxConfig, 'smtp'>): Promise<void> {
  const transport = nodemailer.createTransport({
    host: mailbox.smtp.host,
    port: mailbox.smtp.port,
    secure: mailbox.smtp.secure,
    ...(mailbox.smtp.auth ? { auth: { user: mailbox.smtp.auth.user, pass: mailbox.smtp.auth.pass } } : {}),
    tls: { rejectUnauthorized: !mailbox.smtp.allowSelfSigned },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
  try {
    await transport.verify();
  } catch (error) {
    throw new TriageError(
      'smtp-unavailable',
      `smtp ${mailbox.smtp.host}:${mailbox.smtp.port}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  } finally {
    transport.close();
  }
}
