import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openImapTestClient, type ImapTestClient } from '../support/imap-test-client.ts';
import {
  createFleet,
  fleetConfig,
  leaseHolders,
  spread,
  type FleetMailbox,
} from '../support/mailbox-fleet.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { spawnCli } from '../support/run-cli.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { waitFor } from '../support/wait-for.ts';

const MAILBOXES = 8;
const PROCESSES = 3;
// Below what three processes open without a cap (the watcher, and each process's worker and flags connections:
// 7), so the cap binds; at 3 the processes spent the test waiting for one another's slots.
const MAX_CONNECTIONS = 4;

let dovecot: DovecotServer;
let sink: SmtpSink;
let redis: Redis;
let dir: string;
let fleet: FleetMailbox[];
const clients = new Map<string, ImapTestClient>();
const prefix = uniquePrefix('fleet');
const daemons: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  sink = await startSmtpSink();
  redis = new Redis(REDIS_URL);
  dir = await mkdtemp(path.join(tmpdir(), 'triage-fleet-'));
  fleet = await createFleet(dovecot, MAILBOXES);
  for (const mailbox of fleet) clients.set(mailbox.id, await openImapTestClient(dovecot, mailbox.login));
});

afterAll(async () => {
  for (const daemon of daemons)
    if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
  for (const client of clients.values()) await client.close();
  for (const mailbox of fleet) await mailbox.gauge.close();
  await removePrefix(prefix);
  redis.disconnect();
  await sink.close();
  await rm(dir, { recursive: true, force: true });
  await dovecot.stop();
});

/** Appends one application per mailbox, from an applicant of its own; returns their addresses. */
async function deliver(round: string, mailboxes: readonly FleetMailbox[]): Promise<string[]> {
  return Promise.all(
    mailboxes.map(async (mailbox) => {
      const applicant = `${round}-${mailbox.id}@example.org`;
      await clients.get(mailbox.id)?.append(
        await buildMail({
          from: `Applicant ${round} <${applicant}>`,
          to: mailbox.address,
          subject: `[${mailbox.tag}] Application`,
          messageId: `<${round}-${mailbox.id}@example.org>`,
        }),
      );
      return applicant;
    }),
  );
}

/** Waits until every one of `applicants` has had its acknowledgement and every message is filed. */
async function waitForDone(applicants: readonly string[], filedPerMailbox: number): Promise<void> {
  await waitFor(
    `${applicants.length} acknowledgements`,
    () => (applicants.every((address) => acknowledgements(address) > 0) ? true : undefined),
    45_000,
  );
  for (const mailbox of fleet)
    await waitFor(`${filedPerMailbox} filed in ${mailbox.id}`, async () =>
      (await clients.get(mailbox.id)?.messageIds(mailbox.filed))?.length === filedPerMailbox
        ? true
        : undefined,
    );
}

const acknowledgements = (address: string) =>
  sink.messages.filter((message) => message.to.includes(address)).length;

describe('many mailboxes over several daemon processes', () => {
  it('spreads the watchers, takes a killed process’s mailboxes over, and keeps every mailbox under its connection cap', async () => {
    const config = path.join(dir, 'fleet.yaml');
    const raw = fleetConfig(fleet, {
      prefix,
      smtpPort: sink.port,
      leaseSeconds: 3,
      reconcileSeconds: 5,
      maxConnections: MAX_CONNECTIONS,
      workers: { concurrency: 2, attempts: 12, shutdownSeconds: 5 },
    });
    await writeFile(config, JSON.stringify(raw));
    for (let index = 0; index < PROCESSES; index += 1) daemons.push(spawnCli(['--config', config, 'start']));
    const pids = daemons.map((daemon) => daemon.pid);

    // Spread: every lease held, none by a process above its share (ceil(8 ÷ 3) = 3), so each holds some.
    const settled = await waitFor(
      'the leases spread',
      async () => {
        const holders = await leaseHolders(redis, prefix, fleet);
        const counts = spread(holders);
        const all = [...holders.values()].every((pid) => pid !== null);
        return all && counts.size === PROCESSES && [...counts.values()].every((n) => n <= 3)
          ? holders
          : undefined;
      },
      40_000,
    );
    expect(new Set(settled.values())).toEqual(new Set(pids));

    const first = await deliver('first', fleet);
    await waitForDone(first, 1);

    // kill -9 the process with the most leases: its mailboxes are watched again by the others.
    const counts = spread(settled);
    const victimPid = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const victim = daemons.find((daemon) => daemon.pid === victimPid);
    const orphans = fleet.filter((mailbox) => settled.get(mailbox.id) === victimPid);
    expect(orphans.length).toBeGreaterThan(0);
    victim?.kill('SIGKILL');
    if (victim) await once(victim, 'exit');
    await waitFor(
      'the killed process’s mailboxes watched again',
      async () => {
        const holders = await leaseHolders(redis, prefix, fleet);
        return [...holders.values()].every((pid) => pid !== null && pid !== victimPid) ? true : undefined;
      },
      20_000,
    );

    const second = await deliver('second', fleet);
    await waitForDone(second, 2);
    for (const applicant of [...first, ...second]) expect(acknowledgements(applicant), applicant).toBe(1);
    for (const mailbox of fleet) {
      expect(await clients.get(mailbox.id)?.messageIds('INBOX')).toEqual([]);
      expect(mailbox.gauge.peak, `${mailbox.id} connections at once`).toBeLessThanOrEqual(MAX_CONNECTIONS);
    }
    for (const daemon of daemons.filter((daemon) => daemon !== victim)) {
      daemon.kill('SIGTERM');
      await once(daemon, 'exit');
    }
  }, 120_000);
});
