import { setTimeout as sleep } from 'node:timers/promises';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MailboxLogins } from '../oauth/mailbox-logins.ts';
import { verifySmtp } from './verify-smtp.ts';

/**
 * Checks at start-up that a mailbox's SMTP server answers (and takes the login), logging one line per failed
 * attempt with the reason and the wait before the next (5 s, doubling to 10 minutes), until it does or `signal`
 * aborts. Nothing waits on it: a reply that finds SMTP down is retried by its job.
 */
export async function waitForSmtp(
  mailbox: MailboxConfig,
  logger: Logger,
  logins: MailboxLogins,
  signal: AbortSignal,
): Promise<void> {
  const smtp = `${mailbox.smtp.host}:${mailbox.smtp.port}`;
  for (let attempt = 0; !signal.aborted; attempt += 1) {
    try {
      await verifySmtp(mailbox.smtp, () => logins.smtp(mailbox));
      if (attempt > 0) logger.info({ mailbox: mailbox.id, smtp }, 'smtp reachable');
      return;
    } catch (error) {
      if (signal.aborted) return;
      const retryInSeconds = Math.min(5 * 2 ** attempt, 600);
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ mailbox: mailbox.id, smtp, reason, retryInSeconds }, 'waiting for smtp');
      await sleep(retryInSeconds * 1000, undefined, { signal }).catch(() => undefined);
    }
  }
}
