import type { Redis } from 'ioredis';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy.ts';
import type { DovecotServer } from './dovecot.ts';
import { rawTestConfig } from './test-config.ts';

/** One mailbox of a fleet: a fresh Dovecot user reached through its own connection gauge. */
export interface FleetMailbox {
  id: string;
  address: string;
  login: { user: string; pass: string };
  /** Counts the daemons' connections to this mailbox (the tests' own clients go to Dovecot directly). */
  gauge: LoopbackProxy;
  vacancy: string;
  tag: string;
  /** The vacancy's filing folder as Dovecot spells it. */
  filed: string;
}

/** Creates `count` mailboxes (Dovecot users), each with its vacancy and a gauge in front of Dovecot. */
export async function createFleet(dovecot: DovecotServer, count: number): Promise<FleetMailbox[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const id = `m${index}`;
      const login = await dovecot.createUser(`fleet${index}`);
      const gauge = await startLoopbackProxy(dovecot);
      const vacancy = `phd-${id}`;
      return {
        id,
        address: `${id}@uni.example`,
        login,
        gauge,
        vacancy,
        tag: `PHD-${id}`,
        filed: `Applications.${vacancy}`,
      };
    }),
  );
}

/** What differs between fleets' daemons. */
export interface FleetSettings {
  prefix: string;
  smtpPort: number;
  /** Default: the loader's. */
  leaseSeconds?: number;
  maxConnections?: number;
  reconcileSeconds?: number;
  workers: Record<string, unknown>;
}

/** The configuration file of daemons watching the whole fleet (for `triage --config … start`). */
export function fleetConfig(fleet: readonly FleetMailbox[], settings: FleetSettings): object {
  const { prefix, smtpPort, leaseSeconds, maxConnections, reconcileSeconds, workers } = settings;
  const imap = { host: '127.0.0.1', port: 1, user: '-', pass: '-' };
  return rawTestConfig(
    { imap, smtpPort, prefix },
    {
      mailboxes: fleet.map((mailbox) => ({
        id: mailbox.id,
        address: mailbox.address,
        imap: { host: '127.0.0.1', port: mailbox.gauge.port, secure: false, auth: mailbox.login },
        smtp: { host: '127.0.0.1', port: smtpPort, secure: false },
        from: `"${mailbox.id}" <${mailbox.address}>`,
        leaseSeconds,
        maxConnections,
        reconcileSeconds,
      })),
      vacancies: fleet.map((mailbox) => ({
        id: mailbox.vacancy,
        mailbox: mailbox.id,
        tag: mailbox.tag,
        title: `PhD ${mailbox.id}`,
        supervisors: [mailbox.address],
        documents: { required: ['cv'] },
      })),
      replies: { ratePerMinute: 10_000 },
      workers,
      log: undefined,
    },
  );
}

/** Which process (its pid, from the lease's owner `host:pid:…`) holds each mailbox's lease; null: nobody. */
export async function leaseHolders(
  redis: Redis,
  prefix: string,
  fleet: readonly FleetMailbox[],
): Promise<Map<string, number | null>> {
  const keys = redisKeys(prefix);
  const owners = await redis.mget(...fleet.map((mailbox) => keys.lease(mailbox.id)));
  return new Map(
    fleet.map((mailbox, index) => {
      const owner = owners[index];
      return [mailbox.id, owner == null ? null : Number(owner.split(':')[1])];
    }),
  );
}

/** How many leases each pid holds. */
export function spread(holders: ReadonlyMap<string, number | null>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const pid of holders.values()) if (pid !== null) counts.set(pid, (counts.get(pid) ?? 0) + 1);
  return counts;
}
