import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';

/** A message ready to compose (a reply or a digest); every value from mail is passed as data, never as header text. */
export interface OutgoingReply {
  from: string;
  to: { name: string; address: string };
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  headers: Readonly<Record<string, string>>;
  text: string;
  html: string;
  attachments?: ReadonlyArray<{ filename: string; content: string; contentType: string }>;
}

/** How an SMTP attempt ended when it did not succeed. */
export type SendFailure = { outcome: 'transient' | 'permanent' | 'ambiguous'; detail: string };

/** Builds the raw RFC 5322 message with nodemailer's composer (addresses and headers encoded by the library). */
export async function composeReply(reply: OutgoingReply): Promise<Buffer> {
  const composer = new MailComposer({
    from: reply.from,
    to: { name: reply.to.name, address: reply.to.address },
    subject: reply.subject,
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

/** One pooled, rate-limited SMTP transport per mailbox. */
export class ReplyTransports {
  private readonly transports = new Map<string, Transporter>();

  constructor(mailboxes: readonly MailboxConfig[], ratePerMinute: number, logger: Logger) {
    for (const mailbox of mailboxes) {
      const transport = nodemailer.createTransport({
        pool: true,
        maxConnections: 2,
        rateDelta: 60_000,
        rateLimit: ratePerMinute,
        host: mailbox.smtp.host,
        port: mailbox.smtp.port,
        secure: mailbox.smtp.secure,
        ...(mailbox.smtp.auth
          ? { auth: { user: mailbox.smtp.auth.user, pass: mailbox.smtp.auth.pass } }
          : {}),
        tls: { rejectUnauthorized: !mailbox.smtp.allowSelfSigned },
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      });
      transport.on('error', (error) =>
        logger.warn({ err: error, mailbox: mailbox.id }, 'smtp transport error'),
      );
      this.transports.set(mailbox.id, transport);
    }
  }

  /** Sends a raw message to exactly `to` (the envelope is explicit; headers never add recipients). */
  async send(mailbox: Pick<MailboxConfig, 'id' | 'address'>, to: string, raw: Buffer): Promise<void> {
    const transport = this.transports.get(mailbox.id);
    if (!transport) throw new Error(`no SMTP transport for mailbox ${mailbox.id}`);
    await transport.sendMail({ envelope: { from: mailbox.address, to: [to] }, raw });
  }

  /** Closes every pool. */
  close(): void {
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
  }
}

interface SmtpErrorShape {
  message?: string;
  code?: string;
  responseCode?: number;
  command?: string;
}

/**
 * Classifies a failed send. The server's own answer decides (4xx transient, 5xx permanent); a failure before the
 * message was handed over (connection, greeting, login, envelope) is transient; anything else — the connection
 * lost while the message was being transferred — is ambiguous: the server may have accepted it.
 */
export function parseSmtpError(error: unknown): SendFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape;
  const detail = shape.message ?? String(error);
  if (typeof shape.responseCode === 'number') {
    return { outcome: shape.responseCode >= 500 ? 'permanent' : 'transient', detail };
  }
  const beforeData = [
    'CONN',
    'EHLO',
    'HELO',
    'STARTTLS',
    'AUTH',
    'AUTH PLAIN',
    'AUTH LOGIN',
    'MAIL FROM',
    'RCPT TO',
  ];
  if (shape.command !== undefined && beforeData.some((command) => shape.command?.startsWith(command))) {
    return { outcome: 'transient', detail };
  }
  if (shape.code === 'ECONNECTION' || shape.code === 'EDNS' || shape.code === 'EAUTH') {
    return { outcome: 'transient', detail };
  }
  return { outcome: 'ambiguous', detail };
}
