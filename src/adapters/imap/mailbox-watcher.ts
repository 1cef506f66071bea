import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MailboxConfig } from '../../config/schema.ts';
import { isTriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { LeaseStore } from '../redis/lease-store.ts';
import type { RedisKeys } from '../redis/redis-keys.ts';
import { connectImap } from './connect-imap.ts';
import { syncFolder } from './sync-folder.ts';

/** What a watcher needs; `owner` identifies this process in the mailbox lease. */
export interface WatcherOptions {
  mailbox: MailboxConfig;
  redis: Redis;
  keys: RedisKeys;
  ingest: Queue;
  owner: string;
  logger: Logger;
  leaseMs: number;
  maxMessageBytes: number;
  batchSize?: number;
}

/**
 * Watches one mailbox while this process holds its lease: IDLE for prompt notice, a periodic reconcile so that
 * nothing depends on IDLE, reconnects with backoff and jitter on a fresh client, and gives way when the lease is lost.
 */
export class MailboxWatcher {
  private readonly options: WatcherOptions;
  private readonly logger: Logger;
  private readonly leases: LeaseStore;
  private readonly stopping = new AbortController();
  private session: AbortController | null = null;
  private running: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;

  constructor(options: WatcherOptions) {
    this.options = options;
    this.logger = options.logger.child({ component: 'watcher', mailbox: options.mailbox.id });
    this.leases = new LeaseStore(options.redis, options.keys);
  }

  /** Starts competing for the lease and watching; returns at once. */
  start(): void {
    this.running ??= this.run();
  }

  /** Stops watching and releases the lease so another process can take over at once. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.session?.abort();
    await this.running;
    await this.leases.release(this.options.mailbox.id, this.options.owner).catch(() => undefined);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      const held = await this.holdLease();
      if (!held) {
        await pause(this.options.leaseMs / 2, this.stopping.signal);
        continue;
      }
      const started = Date.now();
      await this.watchWhileLeased();
      failures = Date.now() - started > 60_000 ? 0 : failures + 1;
      if (!this.stopping.signal.aborted) await pause(backoff(failures), this.stopping.signal);
    }
  }

  private async holdLease(): Promise<boolean> {
    const { mailbox, owner, leaseMs } = this.options;
    try {
      return await this.leases.acquire(mailbox.id, owner, leaseMs);
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot reach redis to take the mailbox lease');
      return false;
    }
  }

  private async watchWhileLeased(): Promise<void> {
    const session = new AbortController();
    this.session = session;
    const renew = setInterval(() => {
      this.holdLease().then(
        (held) => {
          if (!held) {
            this.logger.warn('mailbox lease lost; stopping this watcher');
            session.abort();
          }
        },
        () => session.abort(),
      );
    }, this.options.leaseMs / 3);
    let client: ImapFlow | null = null;
    try {
      client = await this.openFolder();
      const current = client;
      const reconcile = setInterval(
        () => this.requestSync(current, session),
        this.options.mailbox.reconcileSeconds * 1000,
      );
      current.on('exists', () => this.requestSync(current, session));
      this.logger.info({ folder: this.options.mailbox.watch }, 'watching mailbox');
      this.requestSync(current, session);
      await closedOrAborted(current, session.signal, this.stopping.signal);
      clearInterval(reconcile);
    } catch (error) {
      this.logger.warn({ err: error }, 'mailbox watch interrupted; reconnecting');
    } finally {
      clearInterval(renew);
      await this.syncing?.catch(() => undefined);
      if (client?.usable) await client.logout().catch(() => client?.close());
      else client?.close();
      this.session = null;
    }
  }

  private async openFolder(): Promise<ImapFlow> {
    const { mailbox, maxMessageBytes } = this.options;
    const client = await connectImap(mailbox, this.logger, {
      maxMessageBytes,
      purpose: 'watch',
      autoIdleDelay: 500,
    });
    try {
      await client.mailboxOpen(mailbox.watch);
      return client;
    } catch (error) {
      client.close();
      throw error;
    }
  }

  // Single flight: a notice that arrives during a pass schedules exactly one more pass.
  private requestSync(client: ImapFlow, session: AbortController): void {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        if (session.signal.aborted) return;
        const queued = await syncFolder({
          ...this.options,
          client,
          logger: this.logger,
          batchSize: this.options.batchSize ?? 200,
        });
        if (queued > 0) this.logger.info({ queued }, 'queued new messages');
      } while (this.syncAgain);
    })()
      .catch((error: unknown) => {
        this.logger.warn(
          { err: error },
          isTriageError(error, 'lease-lost') ? 'lease lost during sync' : 'sync failed',
        );
        session.abort();
      })
      .finally(() => {
        this.syncing = null;
      });
  }
}

function closedOrAborted(client: ImapFlow, ...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const either = AbortSignal.any(signals);
    if (either.aborted) return resolve();
    const done = () => {
      client.off('close', done);
      either.removeEventListener('abort', done);
      resolve();
    };
    client.once('close', done);
    either.addEventListener('abort', done, { once: true });
  });
}

function backoff(failures: number): number {
  const base = Math.min(1000 * 2 ** failures, 60_000);
  return base / 2 + Math.random() * (base / 2);
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
