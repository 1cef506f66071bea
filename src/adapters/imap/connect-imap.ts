import { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { parseImapError } from './parse-imap-error.ts';

/** Creates and connects a fresh ImapFlow client for a mailbox, with an error listener attached. */
export async function connectImap(
  mailbox: MailboxConfig,
  logger: Logger,
  options: { maxMessageBytes: number; purpose: string; autoIdleDelay?: number },
): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: mailbox.imap.host,
    port: mailbox.imap.port,
    secure: mailbox.imap.secure,
    auth: { user: mailbox.imap.auth.user, pass: mailbox.imap.auth.pass },
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
