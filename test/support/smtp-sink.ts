import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted: its envelope and raw source. */
export interface SunkMessage {
  from: string;
  to: string[];
  raw: string;
}

/** An in-process SMTP server that records what it is sent. */
export interface SmtpSink {
  port: number;
  messages: SunkMessage[];
  /** Every RCPT TO it was given, accepted or refused (to count attempts). */
  attempts: string[];
  /** Refuses the next `count` recipients with `code` (e.g. 451 for "try later", 550 for "no such user"). */
  refuse(count: number, code: number): void;
  /** Receives the next `count` messages whole, then cuts the connection instead of answering 250. */
  dropAfterData(count: number): void;
  /** Answers every new connection and every MAIL FROM with 421 for the next `ms` milliseconds (an outage). */
  unavailableFor(ms: number): void;
  /** Calls `hook` when a message has been received, before the sink answers 250 (to crash a sender then). */
  onReceived(hook: ((message: SunkMessage) => void) | null): void;
  close(): Promise<void>;
}

/** Starts an SMTP sink on a free loopback port; it accepts any login. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const attempts: string[] = [];
  let refusals = { count: 0, code: 451 };
  let received: ((message: SunkMessage) => void) | null = null;
  let drops = 0;
  let unavailableUntil = 0;
  const outage = (callback: (error?: Error | null) => void): boolean => {
    if (Date.now() >= unavailableUntil) return false;
    callback(Object.assign(new Error('service unavailable (test sink outage)'), { responseCode: 421 }));
    return true;
  };
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onConnect(_session, callback) {
      if (!outage(callback)) callback();
    },
    onMailFrom(_address, _session, callback) {
      if (!outage(callback)) callback();
    },
    onRcptTo(address, _session, callback) {
      attempts.push(address.address);
      if (refusals.count <= 0) return callback();
      refusals = { ...refusals, count: refusals.count - 1 };
      const error = Object.assign(new Error(`refused by the test sink (${refusals.code})`), {
        responseCode: refusals.code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        const message = {
          from,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString(),
        };
        messages.push(message);
        received?.(message);
        if (drops > 0) {
          drops -= 1;
          for (const socket of sockets) socket.destroy();
          return;
        }
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    attempts,
    refuse: (count, code) => {
      refusals = { count, code };
    },
    dropAfterData: (count) => {
      drops = count;
    },
    unavailableFor: (ms) => {
      unavailableUntil = Date.now() + ms;
    },
    onReceived: (hook) => {
      received = hook;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
