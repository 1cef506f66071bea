import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { MessageFacts } from '../ingest/message-facts.ts';
import { parseMessage } from '../ingest/parse-message.ts';

/** One message the sink accepted: the envelope, the raw source as received, and what it says. */
export interface ReceivedMail {
  envelopeTo: string[];
  raw: Buffer;
  /** Parsed with the parser the daemon uses; null when the message could not be parsed. */
  facts: MessageFacts | null;
  /** The plain-text part ('' when there is none). */
  text: string;
}

/** An in-process SMTP server standing in for the supervisor's outgoing mail server. */
export interface DemoSmtpSink {
  port: number;
  /** Every message it accepted, in the order they arrived. */
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts an SMTP sink on a free loopback port that accepts any login and any message, and keeps them. */
export async function startDemoSmtpSink(): Promise<DemoSmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'demo' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        // Kept before the sender hears "250 OK", so whatever the daemon records as sent is already here.
        void parseMessage(raw, { maxAttachments: 100 })
          .then(({ facts, text }) => received.push({ envelopeTo, raw, facts, text }))
          .catch(() => received.push({ envelopeTo, raw, facts: null, text: '' }))
          .finally(() => callback());
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    port,
    received,
    close: () => (closing ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
