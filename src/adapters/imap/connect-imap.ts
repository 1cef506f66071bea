import { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import { isTriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { ImapLogin, MailboxLogins } from '../oauth/mailbox-logins.ts';
import type { ConnectionSlotSource } from '../redis/connection-slots.ts';
import { parseImapError } from './parse-imap-error.ts';

/** How a connection is opened: its limits, its purpose (in the IMAP ID), and how the mailbox logs in. */
export interface ImapConnectOptions {
  maxMessageBytes: number;
  purpose: string;
  autoIdleDelay?: number;
  logins: MailboxLogins;
  /** The daemon's cap on the mailbox's connections (`mailboxes[].maxConnections`); without it, not counted. */
  slots?: ConnectionSlotSource;
}

/**
 * Creates and connects a fresh ImapFlow client for a mailbox, with an error listener attached. An OAuth2 access
 * token the server refuses (expired or revoked early) is replaced once by a refreshed one. With `slots`, the
 * connection first takes a slot under the mailbox's cap (or fails with `imap-unavailable`) and gives it back when
 * it closes.
 */
export async function connectImap(
  mailbox: MailboxConfig,
  logger: Logger,
  options: ImapConnectOptions,
): Promise<ImapFlow> {
  const slot = await options.slots?.acquire(mailbox, options.purpose);
  if (slot === undefined) return loginImap(mailbox, logger, options);
  try {
    const client = await loginImap(mailbox, logger, options);
    client.once('close', () => slot.release());
    slot.lost.addEventListener('abort', () => client.close(), { once: true });
    if (!client.usable) slot.release();
    return client;
  } catch (error) {
    slot.release();
    throw error;
  }
}

async function loginImap(
  mailbox: MailboxConfig,
  logger: Logger,
  options: ImapConnectOptions,
): Promise<ImapFlow> {
  const login = await options.logins.imap(mailbox);
  try {
    return await openClient(mailbox, logger, options, login);
  } catch (error) {
    if (!('accessToken' in login) || !isTriageError(error, 'imap-auth')) throw error;
    logger.info({ mailbox: mailbox.id }, 'imap refused the access token; logging in with a refreshed one');
    return openClient(mailbox, logger, options, await options.logins.imap(mailbox, login.accessToken));
  }
}

async function openClient(
  mailbox: MailboxConfig,
  logger: Logger,
  options: ImapConnectOptions,
  login: ImapLogin,
): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: mailbox.imap.host,
    port: mailbox.imap.port,
    secure: mailbox.imap.secure,
    auth: login,
    tls: { rejectUnauthorized: !mailbox.imap.allowSelfSigned },
    logger: imapLogger(logger),
    // A hostile or broken server cannot make us buffer more than one capped message.
    maxLiteralSize: options.maxMessageBytes + 1024 * 1024,
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    socketTimeout: 5 * 60_000,
    id: `${mailbox.id}-${options.purpose}`,
    ...(options.autoIdleDelay === undefined ? {} : { autoIdleDelay: options.autoIdleDelay }),
  });
  client.on('error', (error: unknown) => {
    logger.warn({ err: parseImapError(error, 'imap connection') }, 'imap connection error');
  });
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw parseImapError(error, `imap ${mailbox.imap.host}:${mailbox.imap.port}`);
  }
  return client;
}

// imapflow logs every command at debug/info; only its warnings and errors belong in our info-level stream.
function imapLogger(logger: Logger): Logger {
  const child = logger.child({ library: 'imapflow' });
  child.level = logger.isLevelEnabled('debug')
    ? 'debug'
    : logger.isLevelEnabled('warn')
      ? 'warn'
      : logger.level;
  return child;
}
