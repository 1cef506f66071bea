import { Readable } from 'node:stream';
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

/** One pooled SMTP transport per mailbox (the rate limit is applied by the queues, before anything is claimed). */
export class ReplyTransports {
  private readonly transports = new Map<string, Transporter>();

  constructor(mailboxes: readonly MailboxConfig[], logger: Logger) {
    for (const mailbox of mailboxes) {
      const transport = nodemailer.createTransport({
        pool: true,
        maxConnections: 2,
        // A connection closed mid-send fails the send here instead of being re-sent by the pool on its own: the
        // ledger decides about retries, and the message stream cannot be read a second time anyway.
        maxRequeues: 0,
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

  /**
   * Sends a raw message to exactly `to` (the envelope is explicit; headers never add recipients). `handOver` is
   * called when nodemailer first reads the message, which it does once a connection is being set up for it and
   * before the envelope (MAIL FROM) is sent: it records durably that the send is under way (a crash from then on
   * may have delivered it), or answers false to abandon the send, which then resolves 'abandoned' with nothing
   * delivered. On failure, throws a SendError that says whether the message had been read (see parseSmtpError).
   */
  async send(
    mailbox: Pick<MailboxConfig, 'id' | 'address'>,
    to: string,
    raw: Buffer,
    handOver: () => Promise<boolean>,
  ): Promise<'sent' | 'abandoned'> {
    const transport = this.transports.get(mailbox.id);
    if (!transport) throw new Error(`no SMTP transport for mailbox ${mailbox.id}`);
    // Until nodemailer reads the message, nothing of it can have reached the server, whatever the error says.
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
      await transport.sendMail({ envelope: { from: mailbox.address, to: [to] }, raw: message });
      return 'sent';
    } catch (error) {
      if (abandoned) return 'abandoned';
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { handedOver });
    }
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
  handedOver?: boolean;
}

const BEFORE_THE_MESSAGE = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL FROM|RCPT TO)/i;

/**
 * Classifies a failed send. Nothing of the message handed over, or the server refusing before it (connection,
 * greeting, login — including a 535 — or the envelope with a 4xx): transient. The server refusing the sender,
 * a recipient or the message with a 5xx: permanent. The message handed over but no final answer (the connection
 * lost during or after the transfer): ambiguous — the server may have accepted it.
 */
export function parseSmtpError(error: unknown): SendFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape;
  const detail = shape.message ?? String(error);
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
