import type { RedisClient } from './redis-client.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { fairShare, leasesToGive, mayTakeLease, type ShareView } from '../../mailbox/lease-share.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/** What a process's lease quota needs. */
export interface LeaseQuotaOptions {
  redis: RedisClient;
  keys: RedisKeys;
  /** This process, as in its leases. */
  owner: string;
  /** Mailboxes configured. */
  mailboxes: number;
  /** How long a heartbeat lasts: at most the shortest `leaseSeconds`, so a dead process leaves with its leases. */
  heartbeatMs: number;
  logger: Logger;
}

/**
 * This process's part of the mailbox leases: it announces itself in Redis with a heartbeat (renewed every third
 * of `heartbeatMs`, lapsing when the process dies), counts the live processes, and tells its watchers whether
 * they may take a free lease (below the fair share) or should give theirs away (above it). Until the first
 * heartbeat answers, and whenever Redis does not, the last count stands.
 */
export class LeaseQuota {
  private readonly options: LeaseQuotaOptions;
  private readonly logger: Logger;
  private readonly held = new Set<string>();
  private processes = 1;
  private timer: NodeJS.Timeout | null = null;

  constructor(options: LeaseQuotaOptions) {
    this.options = options;
    this.logger = options.logger.child({ component: 'lease-quota' });
  }

  /** Announces the process and keeps announcing it until `stop`. */
  async start(): Promise<void> {
    await this.beat();
    this.timer ??= setInterval(() => void this.beat(), this.options.heartbeatMs / 3);
  }

  /** Leaves the live processes at once, so the others' shares grow without waiting for the heartbeat to lapse. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.announce(0).catch(() => undefined);
  }

  /** The fair share now: ceil(mailboxes ÷ live processes). */
  get share(): number {
    return fairShare(this.options.mailboxes, this.processes);
  }

  /** True when the lease of `mailboxId` is counted as held (or being taken) by this process. */
  holds(mailboxId: string): boolean {
    return this.held.has(mailboxId);
  }

  /** True when the watcher of `mailboxId` may hold or take its lease (counted as held until `drop`). */
  claim(mailboxId: string): boolean {
    if (this.held.has(mailboxId)) return true;
    if (!mayTakeLease(this.view())) return false;
    this.held.add(mailboxId);
    return true;
  }

  /** The lease of `mailboxId` is no longer held (not taken, lost or given away). */
  drop(mailboxId: string): void {
    this.held.delete(mailboxId);
  }

  /** True (and no longer counted) when the lease of `mailboxId` should go to a process below its share. */
  shouldGive(mailboxId: string): boolean {
    if (!this.held.has(mailboxId) || leasesToGive(this.view()) === 0) return false;
    this.held.delete(mailboxId);
    return true;
  }

  private view(): ShareView {
    return { mailboxes: this.options.mailboxes, processes: this.processes, held: this.held.size };
  }

  private async beat(): Promise<void> {
    try {
      const processes = Math.max(1, await this.announce(this.options.heartbeatMs));
      if (processes !== this.processes) {
        this.processes = processes;
        this.logger.info({ processes, share: this.share, held: this.held.size }, 'daemon processes changed');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot reach redis to announce this process');
    }
  }

  private async announce(ttlMs: number): Promise<number> {
    const { redis, keys, owner } = this.options;
    return Number(await runScript(redis, 'process-heartbeat', keys.processes(), owner, String(ttlMs)));
  }
}
