import type { RedisClient } from '../adapters/redis/redis-client.ts';
import type { MailboxLogins } from '../adapters/oauth/mailbox-logins.ts';
import { AlertClaims } from '../adapters/redis/alert-claims.ts';
import type { RedisKeys } from '../adapters/redis/redis-keys.ts';
import { ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import { composeLoginReminder } from '../status/compose-login-reminder.ts';
import type { MailboxStatus } from '../status/daemon-status.ts';
import { runEvery } from './run-every.ts';
import { sendNotice } from './send-notice.ts';

const DAY_SECONDS = 24 * 3600;
const HOUR_SECONDS = 3600;
const CHECK_MS = 60_000;

/** What the reminders use. */
export interface LoginReminderPorts {
  config: Pick<Config, 'mailboxes' | 'vacancies'>;
  redis: RedisClient;
  keys: RedisKeys;
  logins: MailboxLogins;
  mailboxes(now: Date): Promise<MailboxStatus[]>;
  owner: string;
  logger: Logger;
  checkMs?: number;
}

/** Running reminders. */
export interface LoginReminders {
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * While a mailbox needs a new sign-in, mails its supervisors once a day (across all processes) what to run,
 * through the first other mailbox that can still send; when none can, logs the same as an error once an hour.
 */
export function startLoginReminders(ports: LoginReminderPorts): LoginReminders {
  const log = ports.logger.child({ component: 'login-reminders' });
  const claims = new AlertClaims(ports.redis, ports.keys);
  const transport = new ReplyTransports(ports.config.mailboxes, ports.logins);

  const remind = async (mailbox: MailboxStatus, statuses: MailboxStatus[], now: Date): Promise<void> => {
    const key = `login-reminder:${mailbox.id}`;
    if ((await claims.claim([key], ports.owner, DAY_SECONDS)).length === 0) return;
    const supervisors = [
      ...new Set(
        ports.config.vacancies
          .filter((vacancy) => vacancy.mailbox === mailbox.id)
          .flatMap((vacancy) => vacancy.supervisors),
      ),
    ];
    const { subject, text } = composeLoginReminder(mailbox, { owner: ports.owner, at: now });
    const working = new Set(
      statuses
        .filter((status) => status.auth === 'ok' || status.auth === 'unknown')
        .map((status) => status.id),
    );
    const failures: string[] = [];
    for (const sender of ports.config.mailboxes.filter(
      (candidate) => working.has(candidate.id) && candidate.id !== mailbox.id,
    )) {
      const failure = await sendNotice(transport, sender, {
        from: sender.address,
        to: supervisors,
        subject,
        text,
        marker: 'login-reminder',
      }).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (failure === null) {
        log.warn(
          { mailbox: mailbox.id, via: sender.id, supervisors: supervisors.length },
          'sign-in reminder sent',
        );
        return;
      }
      failures.push(`${sender.id}: ${failure}`);
    }
    await claims.shorten([key], HOUR_SECONDS);
    log.error(
      { mailbox: mailbox.id, state: 'needs-login', command: `triage login ${mailbox.id}`, failures },
      'mailbox needs a new sign-in, and no mailbox could mail the reminder',
    );
  };

  const check = async (): Promise<void> => {
    const now = new Date();
    const statuses = await ports.mailboxes(now);
    for (const mailbox of statuses.filter((status) => status.auth === 'needs-login'))
      await remind(mailbox, statuses, now);
  };

  const periodic = runEvery(ports.checkMs ?? CHECK_MS, check, (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn({ reason }, 'sign-in reminder check failed');
  });
  return { check, stop: () => periodic.stop() };
}
