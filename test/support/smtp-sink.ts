import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message the sink accepted: its envelope and raw source. */
export interface SunkMessage {
  from: string;
  to: string[];
  raw: string;
}

/** One AUTH attempt the sink saw. */
export interface SmtpLogin {
  user: string;
  /** The SASL mechanism, e.g. 'PLAIN' or 'XOAUTH2'. */
  method: string;
  accepted: boolean;
}

/** Options of `startSmtpSink`. */
export interface SmtpSinkOptions {
  /**
   * Makes the sink an OAuth2-only server: it offers and requires XOAUTH2 and accepts a login when this says
   * the token is good for the user (a refusal is Gmail's: a 334 JSON challenge, then 535).
   */
  oauth?: (user: string, token: string) => boolean;
}

/** An in-process SMTP server that records what it is sent. */
export interface SmtpSink {
  port: number;
  messages: SunkMessage[];
  /** Every authentication attempt, accepted or refused. */
  logins: SmtpLogin[];
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

/** The onAuth of an OAuth2-only sink: checks an XOAUTH2 token with `oauth`, refuses anything else. */
function oauthLogin(
  oauth: (user: string, token: string) => boolean,
  logins: SmtpLogin[],
): NonNullable<SMTPServerOptions['onAuth']> {
  return (auth, _session, callback) => {
    const user = auth.username ?? '';
    const accepted = auth.method === 'XOAUTH2' && oauth(user, auth.accessToken ?? '');
    logins.push({ user, method: auth.method, accepted });
    if (accepted) return callback(null, { user });
    // Gmail's answer to a bad token: a base64 JSON challenge (334), then 535 after the client's empty reply.
    callback(null, { data: { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' } });
  };
}

/** Starts an SMTP sink on a free loopback port; it accepts any login, or only good XOAUTH2 tokens with `oauth`. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const logins: SmtpLogin[] = [];
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
  const anyLogin: NonNullable<SMTPServerOptions['onAuth']> = (auth, _session, callback) => {
    logins.push({ user: auth.username ?? '', method: auth.method, accepted: true });
    callback(null, { user: 'test' });
  };
  const server = new SMTPServer({
    ...(options.oauth
      ? { authOptional: false, authMethods: ['XOAUTH2'], onAuth: oauthLogin(options.oauth, logins) }
      : { authOptional: true, onAuth: anyLogin }),
    disabledCommands: ['STARTTLS'],
    logger: false,
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
          // Only this message's connection: another sender's transfer in flight is not cut with it (it would
          // fail unconfirmed without using up a drop, and the next message would be cut instead).
          for (const socket of sockets) if (socket.remotePort === session.remotePort) socket.destroy();
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
    logins,
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
