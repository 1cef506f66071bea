import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An in-process SMTP server standing in for the supervisor's outgoing mail server. */
export interface DemoSmtpSink {
  port: number;
  /** Envelope recipients of every message it accepted, one entry per message. */
  received: string[][];
  close(): Promise<void>;
}

/** Starts an SMTP sink on a free loopback port that accepts any login and any message, and keeps none. */
export async function startDemoSmtpSink(): Promise<DemoSmtpSink> {
  const received: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'demo' }),
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
        callback();
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
