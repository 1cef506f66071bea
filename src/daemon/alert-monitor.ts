import type { DaemonMetrics } from '../adapters/http/daemon-metrics.ts';
import { AlertClaims } from '../adapters/redis/alert-claims.ts';
import { deadLetterId, DeadLetterStore } from '../adapters/redis/dead-letters.ts';
import type { RedisKeys } from '../adapters/redis/redis-keys.ts';
import { ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import type { AlertsConfig, Config } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import { composeAlert } from '../status/compose-alert.ts';
import type { MailboxStatus } from '../status/daemon-status.ts';
import { planAlerts } from '../status/plan-alerts.ts';
import { runEvery } from './run-every.ts';
import { sendNotice } from './send-notice.ts';
import type { MailboxLogins } from '../adapters/oauth/mailbox-logins.ts';
import type { RedisClient } from '../adapters/redis/redis-client.ts';

/** A claim on an alert that could not be sent lasts at most this long, so that it is tried again soon. */
const RETRY_SECONDS = 600;

/** What the monitor uses. */
export interface AlertMonitorPorts {
  alerts: AlertsConfig;
  senders: Config['mailboxes'];
  redis: RedisClient;
  keys: RedisKeys;
  /** The mailboxes as the watchers recorded them (the one part of the status snapshot the alerts read). */
  mailboxes(now: Date): Promise<MailboxStatus[]>;
  metrics: DaemonMetrics;
  logins: MailboxLogins;
  owner: string;
  logger: Logger;
}

/** A running monitor. */
export interface AlertMonitor {
  /** Runs one check now (the timer runs them every `checkSeconds`). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every `alerts.checkSeconds`, mails the operator what needs a person (see planAlerts): one e-mail per check for
 * all that is due, each item at most once per `repeatSeconds` across all processes. A failed send is logged and
 * tried again at the next check after at most ten minutes; a failed check (Redis away) is logged and skipped.
 */
export function startAlertMonitor(ports: AlertMonitorPorts): AlertMonitor {
  const { alerts, logger } = ports;
  const log = logger.child({ component: 'alerts' });
  const sender = ports.senders.find((mailbox) => mailbox.id === alerts.mailbox) ?? ports.senders[0];
  if (sender === undefined) throw new Error('alerts: no mailbox to send from');
  const from = alerts.from ?? sender.address;
  // Another SMTP server for the alerts logs in with its own password, never with the mailbox's OAuth2 token.
  const via = alerts.smtp === undefined ? sender : { ...sender, smtp: alerts.smtp, auth: undefined };
  const transport = new ReplyTransports([via], ports.logins);
  const claims = new AlertClaims(ports.redis, ports.keys);
  const deadLetters = new DeadLetterStore(ports.redis, ports.keys);
  const startedAt = new Date();

  const send = (subject: string, text: string): Promise<string | null> =>
    sendNotice(transport, sender, { from, to: alerts.to, subject, text, marker: 'alert' });

  const check = async (): Promise<void> => {
    const now = new Date();
    const letters = await deadLetters.list();
    const items = planAlerts(alerts, {
      status: { mailboxes: await ports.mailboxes(now) },
      deadLetters: letters.map((letter) => ({
        id: deadLetterId(letter),
        reason: letter.reason,
        failedAt: letter.failedAt,
      })),
      reported: await claims.reportedDeadLetters(),
      startedAt,
      now,
    });
    const due = await claims.claim(
      items.map((item) => item.key),
      ports.owner,
      alerts.repeatSeconds,
    );
    if (due.length === 0) return;
    const chosen = items.filter((item) => due.includes(item.key));
    const { subject, text } = composeAlert(chosen, { owner: ports.owner, at: now });
    const failure = await send(subject, text).catch((error: unknown) =>
      error instanceof Error ? error.message : String(error),
    );
    if (failure !== null) {
      await claims.shorten(due, Math.min(alerts.repeatSeconds, RETRY_SECONDS));
      ports.metrics.countAlert('failed');
      log.warn({ alerts: due, reason: failure }, 'alert not sent; it is tried again later');
      return;
    }
    if (due.includes('dead-letters')) await claims.markReported(letters.map(deadLetterId));
    ports.metrics.countAlert('sent');
    log.warn({ alerts: due, to: alerts.to }, 'alert sent');
  };

  const periodic = runEvery(alerts.checkSeconds * 1000, check, (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn({ reason }, 'alert check failed');
  });
  return {
    check,
    stop: () => periodic.stop(),
  };
}
