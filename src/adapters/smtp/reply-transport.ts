import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MailboxConfig } from '../../config/schema.ts';
import { isTriageError, TriageError } from '../../errors/triage-error.ts';
import { headerText } from '../../output/header-text.ts';
import { serverText } from '../../output/server-text.ts';
import type { MailTransport, OutgoingMessage, SendOutcome } from '../../ports/delivery-ports.ts';
import type { MailboxLogins, SmtpLogin } from '../oauth/mailbox-logins.ts';
import { sendOnce, type SmtpEndpoint } from './send-once.ts';

/** How an SMTP attempt ended when it did not succeed. */
export type SendFailure = { outcome: 'transient' | 'permanent' | 'ambiguous'; detail: string };

/**
 * Builds the raw RFC 5322 message with nodemailer's composer (addresses and headers encoded and folded by the
 * library). Every message the daemon sends passes here, so the subject and the display name go through headerText
 * once more (a no-op for a planned reply): no header line of ours can exceed 998 octets or carry a control.
 */
export async function composeReply(reply: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: reply.from,
    to: { name: headerText(reply.to.name), address: reply.to.address },
    subject: headerText(reply.subject),
    messageId: reply.messageId,
    ...(reply.inReplyTo ? { inReplyTo: reply.inReplyTo } : {}),
    ...(reply.references.length > 0 ? { references: reply.references } : {}),
    headers: { ...reply.headers },
    text: reply.text,
    html: reply.html,
    ...(reply.attachments ? { attachments: reply.attachments.map((attachment) => ({ ...attachment })) } : {}),
  });
  return composer.compile().build();
}

/**
 * Sends replies for each mailbox, one SMTP connection per message (the rate limit is applied by the queues, before
 * anything is claimed). Not pooled, so that a failure is always this message's own and its stream is read exactly
 * when the server is ready for it.
 */
export class ReplyTransports implements MailTransport {
  private readonly endpoints = new Map<string, SmtpEndpoint & { mailbox: MailboxConfig }>();
  private readonly logins: MailboxLogins;

  constructor(mailboxes: readonly MailboxConfig[], logins: MailboxLogins) {
    this.logins = logins;
    for (const mailbox of mailboxes) {
      this.endpoints.set(mailbox.id, {
        mailbox,
        options: {
          host: mailbox.smtp.host,
          port: mailbox.smtp.port,
          secure: mailbox.smtp.secure,
          tls: { rejectUnauthorized: !mailbox.smtp.allowSelfSigned },
          connectionTimeout: 30_000,
          greetingTimeout: 30_000,
          socketTimeout: 60_000,
        },
      });
    }
  }

  compose(message: OutgoingMessage): Promise<Buffer> {
    return composeReply(message);
  }

  /**
   * Sends a raw message to exactly `to` (the envelope is explicit; headers never add recipients). `handOver` is
   * called once the server has said "go ahead" to DATA, before any of the message leaves: it records durably that
   * the send is under way (a crash from then on may have delivered it), or answers false to abandon the send,
   * which then resolves 'abandoned' with nothing delivered. A failure is classified by parseSmtpError (from whether
   * any of the message had been handed to the server).
   */
  async send(
    mailbox: Pick<MailboxConfig, 'id' | 'address'>,
    to: string,
    raw: Buffer,
    handOver: () => Promise<boolean>,
  ): Promise<SendOutcome> {
    const endpoint = this.endpoints.get(mailbox.id);
    if (!endpoint) throw new TriageError('config-invalid', `no SMTP settings for mailbox ${mailbox.id}`);
    let auth: SmtpLogin | undefined;
    try {
      auth = await this.logins.smtp(endpoint.mailbox);
    } catch (error) {
      // No sign-in (needs-login) or no token yet: nothing was sent, the job waits and tries again.
      if (!isTriageError(error)) throw error;
      return { status: 'failed', outcome: 'transient', detail: error.message, cause: error };
    }
    let asked = false;
    let handedOver = false;
    let abandoned = false;
    const message = new Readable({
      read() {
        if (asked) return;
        asked = true;
        handOver().then(
          (go) => {
            if (!go) {
              abandoned = true;
              this.destroy(new Error('send abandoned before the message was handed over'));
              return;
            }
            handedOver = true;
            this.push(raw);
            this.push(null);
          },
          (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    try {
      await sendOnce(endpoint, auth, { from: mailbox.address, to: [to] }, message);
      return { status: 'sent' };
    } catch (error) {
      if (abandoned) return { status: 'abandoned' };
      const failure = Object.assign(error instanceof Error ? error : new Error(String(error)), {
        handedOver,
      });
      return { status: 'failed', ...parseSmtpError(failure), cause: error };
    }
  }
}

interface SmtpErrorShape {
  message?: string;
  code?: string;
  responseCode?: number;
  command?: string;
  handedOver?: boolean;
}

const BEFORE_THE_MESSAGE = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL FROM|RCPT TO)/i;

/**
 * Classifies a failed send. Nothing of the message handed over, or the server refusing before it (connection,
 * greeting, login — including a 535 — or the envelope with a 4xx): transient. The server refusing the sender,
 * a recipient or the message with a 5xx: permanent. The message handed over but no final answer (the connection
 * lost during or after the transfer): ambiguous — the server may have accepted it. The detail is the server's
 * text through serverText (addresses redacted, one line).
 */
export function parseSmtpError(error: unknown): SendFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape;
  // Recorded, logged and shown to operators: a refusal often quotes the recipient's address.
  const detail = serverText(shape.message ?? String(error));
  if (shape.code === 'EAUTH' || /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH)/i.test(shape.command ?? '')) {
    if (typeof shape.responseCode !== 'number' && shape.handedOver === true)
      return { outcome: 'ambiguous', detail };
    return { outcome: 'transient', detail };
  }
  if (typeof shape.responseCode === 'number') {
    return { outcome: shape.responseCode >= 500 ? 'permanent' : 'transient', detail };
  }
  if (shape.handedOver === false) return { outcome: 'transient', detail };
  if (shape.handedOver === undefined && BEFORE_THE_MESSAGE.test(shape.command ?? ''))
    return { outcome: 'transient', detail };
  return { outcome: 'ambiguous', detail };
}
