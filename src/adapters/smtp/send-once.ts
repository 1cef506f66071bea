import type { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type { SmtpLogin } from '../oauth/mailbox-logins.ts';

/** Where to reach an SMTP server. */
export interface SmtpEndpoint {
  options: SMTPConnection.Options;
}

/**
 * Sends one message over a connection of its own: connect (STARTTLS when offered), log in, MAIL FROM, RCPT TO, DATA,
 * QUIT. The message stream is read only once the server has answered DATA with "go ahead" (nodemailer's
 * SMTPConnection pipes it then, and not before), so a first read marks the moment anything can reach the server.
 * Rejects with nodemailer's error (its `command` and `responseCode` say where it failed).
 */
export function sendOnce(
  endpoint: SmtpEndpoint,
  auth: SmtpLogin | undefined,
  envelope: { from: string; to: string[] },
  message: Readable,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const connection = new SMTPConnection(endpoint.options);
    let settled = false;
    const finish = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        connection.close();
        reject(error);
        return;
      }
      connection.quit();
      resolve();
    };
    // Kept for the connection's whole life: an 'error' after QUIT must not become an uncaught exception.
    connection.on('error', (error: Error) => finish(error));
    connection.on('end', () =>
      finish(Object.assign(new Error('the SMTP server closed the connection'), { code: 'ECONNECTION' })),
    );
    connection.connect((error) => {
      if (error) return finish(error);
      const send = () => connection.send(envelope, message, (failure) => finish(failure));
      if (auth === undefined) return send();
      connection.login(auth, (failure) => (failure ? finish(failure) : send()));
    });
  });
}
