import { leaseTiming } from '../../mailbox/lease-timing.ts';
import type { RedisClient } from '../redis/redis-client.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { LeaseQuota } from '../redis/lease-quota.ts';
import { LeaseStore } from '../redis/lease-store.ts';
import type { RedisKeys } from '../redis/redis-keys.ts';

/** What a watcher's lease needs. */
export interface WatcherLeaseOptions {
  redis: RedisClient;
  keys: RedisKeys;
  mailboxId: string;
  owner: string;
  leaseMs: number;
  quota: LeaseQuota;
  logger: Logger;
}

/**
 * One watcher's hold on its mailbox's lease, within its process's share: a free lease is taken only while the
 * process is below its share, and a lease above the share is given back for a process below its share to take.
 */
export class WatcherLease {
  private readonly options: WatcherLeaseOptions;
  private readonly store: LeaseStore;

  constructor(options: WatcherLeaseOptions) {
    this.options = options;
    this.store = new LeaseStore(options.redis, options.keys);
  }

  /**
   * Takes or renews the lease; false when another process holds it, the share is full or Redis does not answer.
   * A lease held by another process is not claimed against the share at all: the watchers of a process wake
   * together, and claims on taken leases would crowd out the claims on free ones.
   */
  async hold(): Promise<boolean> {
    const { mailboxId, owner, leaseMs, quota } = this.options;
    try {
      if (!quota.holds(mailboxId) && ((await this.store.holder(mailboxId)) ?? owner) !== owner) return false;
      if (!quota.claim(mailboxId)) return false;
      if (await this.store.acquire(mailboxId, owner, leaseTiming(leaseMs).ttlMs)) return true;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'cannot reach redis to take the mailbox lease');
    }
    quota.drop(mailboxId);
    return false;
  }

  /** True (and no longer counted in the share) when this lease should go to a process below its share. */
  shouldGive(): boolean {
    return this.options.quota.shouldGive(this.options.mailboxId);
  }

  /** Gives the lease back (after the watcher's connection has closed) for a process below its share to take. */
  async give(): Promise<void> {
    await this.release();
    const { quota, logger } = this.options;
    logger.info({ share: quota.share }, 'gave the mailbox lease to a process below its share');
  }

  /** Gives the lease back at once (after the watcher's connection has closed), so another process can take it. */
  async release(): Promise<void> {
    const { mailboxId, owner, quota } = this.options;
    quota.drop(mailboxId);
    await this.store.release(mailboxId, owner).catch(() => undefined);
  }
}
