import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startDovecot } from '../../support/dovecot.ts';
import { openImapTestClient, type ImapTestClient } from '../../support/imap-test-client.ts';
import {
  createFleet,
  fleetConfig,
  leaseHolders,
  spread,
  type FleetMailbox,
} from '../../support/mailbox-fleet.ts';
import { REDIS_URL, uniquePrefix } from '../../support/redis-prefix.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { waitFor } from '../../support/wait-for.ts';
import type { SectionResult } from '../bench-table.ts';
import { startDaemonProcess, type DaemonProcess } from '../daemon/daemon-process.ts';
import { removeKeys } from '../daemon/redis-memory.ts';
import { progress } from '../measure.ts';
import { acknowledgementCounts, buildApplications, deliver } from './fleet-mail.ts';
import { mailboxesTables, type FleetFigures, type MailboxesSettings } from './mailboxes-tables.ts';

export const MAILBOXES_TITLE =
  'Many mailboxes: watchers spread over daemon processes, takeover, connection cap';

const DRAIN_TIMEOUT_MS = 30 * 60_000;

/**
 * Starts the daemon processes on a fleet of mailboxes, waits for the leases to spread, drains a backlog in every
 * mailbox, kills the process with the most leases (SIGKILL) and times the takeover, then delivers one more
 * application per mailbox and checks that every one was filed and acknowledged exactly once.
 */
export async function runMailboxesBench(settings: MailboxesSettings): Promise<SectionResult> {
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    progress(`mailboxes: starting Dovecot with ${settings.mailboxes} users and the SMTP sink`);
    const dovecot = await startDovecot();
    cleanups.push(() => dovecot.stop());
    const sink = await startSmtpSink();
    cleanups.push(() => sink.close());
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
    redis.on('error', () => undefined);
    cleanups.push(() => redis.quit());
    const dir = await mkdtemp(path.join(tmpdir(), 'triage-mailboxes-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const fleet = await createFleet(dovecot, settings.mailboxes);
    cleanups.push(() => Promise.all(fleet.map((mailbox) => mailbox.gauge.close())));
    const clients = new Map<string, ImapTestClient>();
    for (const mailbox of fleet) clients.set(mailbox.id, await openImapTestClient(dovecot, mailbox.login));
    cleanups.push(() => Promise.all([...clients.values()].map((client) => client.close())));
    const prefix = uniquePrefix('bench-mailboxes');
    cleanups.push(() => removeKeys(redis, prefix));
    const configFile = path.join(dir, 'fleet.yaml');
    const { leaseSeconds, maxConnections } = settings;
    const workers = { concurrency: 4 };
    const raw = fleetConfig(fleet, { prefix, smtpPort: sink.port, leaseSeconds, maxConnections, workers });
    await writeFile(configFile, JSON.stringify(raw, null, 2));
    const figures = await measureFleet({
      settings,
      fleet,
      clients,
      sink,
      redis,
      prefix,
      configFile,
      cleanups,
    });
    return {
      section: 'mailboxes',
      title: MAILBOXES_TITLE,
      settings: flagSettings(settings),
      tables: mailboxesTables(figures),
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

interface FleetRun {
  settings: MailboxesSettings;
  fleet: FleetMailbox[];
  clients: ReadonlyMap<string, ImapTestClient>;
  sink: SmtpSink;
  redis: Redis;
  prefix: string;
  configFile: string;
  cleanups: Array<() => Promise<unknown>>;
}

async function measureFleet(run: FleetRun): Promise<FleetFigures> {
  const { settings, fleet, clients, sink, redis, prefix } = run;
  const backlog = await buildApplications('backlog', fleet, settings.applications);
  progress(`mailboxes: starting ${settings.processes} daemon processes`);
  const daemons: DaemonProcess[] = [];
  for (let index = 0; index < settings.processes; index += 1)
    daemons.push(startDaemonProcess(run.configFile, null));
  run.cleanups.push(() => Promise.all(daemons.map((daemon) => daemon.stop())));
  await Promise.all(daemons.map((daemon) => daemon.logs.waitFor('daemon started')));
  const started = performance.now();
  const share = Math.ceil(settings.mailboxes / settings.processes);
  const settled = await waitFor(
    'the leases to spread',
    async () => {
      const holders = await leaseHolders(redis, prefix, fleet);
      const held = [...holders.values()].every((pid) => pid !== null);
      return held && [...spread(holders).values()].every((count) => count <= share) ? holders : undefined;
    },
    10 * settings.leaseSeconds * 1000,
  );
  const spreadMs = performance.now() - started;

  progress(`mailboxes: delivering ${backlog.length} applications`);
  const drainStart = performance.now();
  await deliver(backlog, clients);
  await waitForAcknowledged(
    sink,
    backlog.map((application) => application.applicant),
  );
  const drainMs = performance.now() - drainStart;

  const victimPid = [...spread(settled)].sort((a, b) => b[1] - a[1])[0]?.[0];
  const orphans = fleet.filter((mailbox) => settled.get(mailbox.id) === victimPid).length;
  progress(`mailboxes: kill -9 of the process holding ${orphans} leases`);
  const killedAt = performance.now();
  if (victimPid !== undefined) process.kill(victimPid, 'SIGKILL');
  const after = await waitFor(
    'the killed process’s mailboxes to be watched again',
    async () => {
      const holders = await leaseHolders(redis, prefix, fleet);
      return [...holders.values()].every((pid) => pid !== null && pid !== victimPid) ? holders : undefined;
    },
    10 * settings.leaseSeconds * 1000,
  );
  const takeoverMs = performance.now() - killedAt;

  const late = await buildApplications('after-kill', fleet, 1);
  await deliver(late, clients);
  const applicants = [...backlog, ...late].map((application) => application.applicant);
  await waitForAcknowledged(sink, applicants);
  const filed = await Promise.all(
    fleet.map(async (mailbox) => (await clients.get(mailbox.id)?.messageIds(mailbox.filed))?.length ?? 0),
  );
  const counts = acknowledgementCounts(sink);
  return {
    settings,
    pids: daemons.map((daemon) => daemon.pid),
    victimPid: victimPid ?? null,
    spreadAtStart: spread(settled),
    spreadAfterKill: spread(after),
    spreadMs,
    drainMs,
    backlog: backlog.length,
    takeoverMs,
    orphans,
    applications: applicants.length,
    acknowledgedOnce: applicants.filter((address) => counts.get(address) === 1).length,
    duplicates: applicants.filter((address) => (counts.get(address) ?? 0) > 1).length,
    filed: filed.reduce((sum, count) => sum + count, 0),
    peaks: fleet.map((mailbox) => mailbox.gauge.peak),
  };
}

async function waitForAcknowledged(sink: SmtpSink, applicants: readonly string[]): Promise<void> {
  await waitFor(
    `${applicants.length} acknowledgements`,
    () => {
      const counts = acknowledgementCounts(sink);
      return applicants.every((address) => (counts.get(address) ?? 0) > 0) ? true : undefined;
    },
    DRAIN_TIMEOUT_MS,
  );
}

function flagSettings(settings: MailboxesSettings): SectionResult['settings'] {
  return {
    mailboxes: settings.mailboxes,
    'mailbox-processes': settings.processes,
    'mailbox-applications': settings.applications,
    'mailbox-lease-seconds': settings.leaseSeconds,
    'max-connections': settings.maxConnections,
  };
}
