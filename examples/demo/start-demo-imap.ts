import type { AddressInfo, Socket } from 'node:net';
import hoodiecrow from 'hoodiecrow-imap';

/** A running in-process IMAP server for the demo. */
export interface DemoImapServer {
  host: string;
  port: number;
  user: string;
  pass: string;
  /** Drops every client session and stops listening. Safe to call more than once. */
  close(): Promise<void>;
}

/** The hoodiecrow plugins the daemon relies on. ENABLE comes first: hoodiecrow requires it before its users. */
export const DEMO_IMAP_PLUGINS = [
  'ENABLE',
  'ID',
  'IDLE',
  'UIDPLUS',
  'MOVE',
  'LITERALPLUS',
  'UNSELECT',
  'SPECIAL-USE',
  'NAMESPACE',
] as const;

export type DemoImapPlugin = (typeof DEMO_IMAP_PLUGINS)[number];

export interface DemoImapOptions {
  /** Messages to put into INBOX before the server starts, in this order (UIDs 1, 2, ...). */
  messages?: Array<{ raw: string; internaldate?: Date }>;
  /** Plugins to leave out, e.g. `['MOVE']` to exercise a client's COPY + EXPUNGE fallback. */
  omitPlugins?: readonly DemoImapPlugin[];
  /** Messages the user sent earlier, in a folder `Sent` marked \Sent (RFC 6154). */
  sent?: Array<{ raw: string }>;
}

const HOST = '127.0.0.1';
const USER = 'admissions';
const PASS = 'demo-password';

/** Starts an in-process hoodiecrow IMAP server with one user and an empty INBOX (plus any messages given). */
export async function startDemoImap(options: DemoImapOptions = {}): Promise<DemoImapServer> {
  const omit = new Set<string>(options.omitPlugins ?? []);
  const server = hoodiecrow({
    plugins: DEMO_IMAP_PLUGINS.filter((plugin) => !omit.has(plugin)),
    users: { [USER]: { password: PASS } },
    storage: {
      INBOX: {
        messages: (options.messages ?? []).map((message) => ({
          // hoodiecrow keeps message sources as binary strings (one char per octet) and writes them out as such.
          raw: Buffer.from(message.raw, 'utf8').toString('latin1'),
          flags: [],
          // Pre-formatted: the constructor indexes these before formatInternalDate can be replaced.
          ...(message.internaldate === undefined
            ? {}
            : { internaldate: formatUtcDateTime(message.internaldate) }),
        })),
      },
      '': {
        separator: '/',
        type: 'personal',
        folders: {
          Sent: {
            'special-use': '\\Sent',
            messages: (options.sent ?? []).map((message) => ({
              raw: Buffer.from(message.raw, 'utf8').toString('latin1'),
              flags: ['\\Seen'],
            })),
          },
        },
      },
    },
  });
  // Every session subscribes to the server's 'notify' event.
  server.setMaxListeners(0);
  addAlreadyExistsCode(server);
  // hoodiecrow formats internal dates in local time and gets zones with a positive half-hour offset wrong
  // (Asia/Kolkata comes out as "+06-30"); a fixed UTC formatter avoids that.
  server.formatInternalDate = formatUtcDateTime;

  server.connectionHandlers.push((connection) => {
    // hoodiecrow's IDLE arms a 30-minute timer that only its DONE handler clears; a client that disconnects
    // while idling would keep the process alive. Finish the IDLE on close (send() is a no-op by then).
    connection.socket?.once('close', () => {
      if (typeof connection.inputHandler === 'function') connection.inputHandler('DONE');
    });
  });

  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    // hoodiecrow writes a response in several small chunks; with Nagle's algorithm on, each command then waits
    // for the client's delayed ACK (~40 ms on Linux loopback).
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, HOST, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  let closing: Promise<void> | null = null;
  return {
    host: HOST,
    port,
    user: USER,
    pass: PASS,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/**
 * hoodiecrow answers CREATE of an existing mailbox with a bare `NO Mailbox already exists`. Add the RFC 5530
 * `[ALREADYEXISTS]` response code that real servers (Dovecot, Cyrus) send, which imapflow's `mailboxCreate()`
 * turns into `{ created: false }` instead of throwing. Uses hoodiecrow's output-handler hook, as its UIDPLUS does.
 */
function addAlreadyExistsCode(server: hoodiecrow.Server): void {
  server.outputHandlers.push((_connection, response, description) => {
    const text = response.attributes?.[0];
    if (
      description === 'CREATE FAILED' &&
      response.command === 'NO' &&
      typeof text === 'object' &&
      !Array.isArray(text) &&
      text.type === 'TEXT' &&
      text.value === 'Mailbox already exists'
    ) {
      response.attributes?.unshift({ type: 'SECTION', section: [{ type: 'ATOM', value: 'ALREADYEXISTS' }] });
    }
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** IMAP date-time (RFC 3501) in UTC: `03-Feb-2020 04:05:06 +0000`. */
function formatUtcDateTime(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}-${MONTHS[date.getUTCMonth()] ?? 'Jan'}-${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
