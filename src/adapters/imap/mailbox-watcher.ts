import type { ImapFlow } from 'imapflow';
import type { Queue } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.ts';
import type { MailboxConfig } from '../../config/schema.ts';
import { isTriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MailboxLogins } from '../oauth/mailbox-logins.ts';
import type { ConnectionSlotSource } from '../redis/connection-slots.ts';
import type { LeaseQuota } from '../redis/lease-quota.ts';
import { MailboxHealthStore } from '../redis/mailbox-health-store.ts';
import type { RedisKeys } from '../redis/redis-keys.ts';
import { connectImap } from './connect-imap.ts';
import type { MailboxConnections } from './mailbox-connections.ts';
import { startDecisionLooks, type DecisionLooks } from './decision-looks.ts';
import { syncFolder } from './sync-folder.ts';
import { backoff, closedOrAborted, pause } from './watch-waits.ts';
import { leaseTiming } from '../../mailbox/lease-timing.ts';
import { WatcherLease } from './watcher-lease.ts';

/** What a watcher needs; `owner` identifies this process in the mailbox lease. */
export interface WatcherOptions {
  mailbox: MailboxConfig;
  redis: RedisClient;
  keys: RedisKeys;
  ingest: Queue;
  owner: string;
  logger: Logger;
  leaseMs: number;
  maxMessageBytes: number;
  logins: MailboxLogins;
  /** The workers' connections: sync passes run on the mailbox's worker connection; the IDLE one only listens. */
  connections: Pick<MailboxConnections, 'withFolder'>;
  /** This process's share of the leases: the watcher takes a free lease only within it and gives away above it. */
  quota: LeaseQuota;
  /** The cap on the mailbox's connections; the watcher's connection has a slot kept for it. */
  slots?: ConnectionSlotSource;
  batchSize?: number;
  /** One look at the mailbox's decision folders (checkDecisions), every `reconcileSeconds` while watching. */
  checkDecisions?: () => Promise<unknown>;
}

/**
 * Watches one mailbox while this process holds its lease (see WatcherLease): IDLE for prompt notice, a periodic
 * reconcile so that nothing depends on IDLE, reconnects with backoff and jitter on a fresh client, and gives way
 * when the lease is lost or should go to a process below its share.
 * A refused login puts the mailbox in `auth-failed`, an OAuth2 grant the provider refused (or a token key that does
 * not open the stored tokens) in `needs-login`, and no process logs in again before its retry time (minutes,
 * doubling to hours; `triage login` clears it at once), so a wrong password never hammers the server. Every
 * complete sync is recorded as a fetch.
 */
export class MailboxWatcher {
  private readonly options: WatcherOptions;
  private readonly logger: Logger;
  private readonly lease: WatcherLease;
  private readonly health: MailboxHealthStore;
  private readonly stopping = new AbortController();
  private session: AbortController | null = null;
  private running: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private giving = false;

  constructor(options: WatcherOptions) {
    this.options = options;
    this.logger = options.logger.child({ component: 'watcher', mailbox: options.mailbox.id });
    this.lease = new WatcherLease({
      ...options,
      mailboxId: options.mailbox.id,
      logger: this.logger,
    });
    this.health = new MailboxHealthStore(options.redis, options.keys);
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
    await this.lease.release();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      const held = await this.lease.hold();
      if (!held) {
        // A twelfth to a sixth of the lease: a process's watchers do not look all at once.
        await pause(
          leaseTiming(this.options.leaseMs).lookAgainMs * (1 + Math.random()),
          this.stopping.signal,
        );
        continue;
      }
      const authWait = await this.authWaitMs();
      if (authWait > 0) {
        // Keep the lease (renewed on the next turn) while the login is barred, so no other process tries either.
        await pause(Math.min(authWait, leaseTiming(this.options.leaseMs).renewEveryMs), this.stopping.signal);
        continue;
      }
      const started = Date.now();
      const error = await this.watchWhileLeased();
      if (this.stopping.signal.aborted) break;
      if (this.giving) {
        this.giving = false;
        await this.lease.give();
        await pause(this.options.leaseMs / 6, this.stopping.signal);
        continue;
      }
      failures = Date.now() - started > 60_000 ? 0 : failures + 1;
      if (error) await this.recordInterruption(error, failures);
      else await pause(backoff(failures), this.stopping.signal);
    }
  }

  /** How long until a login may be tried again after refused ones (0: now). */
  private async authWaitMs(): Promise<number> {
    const health = await this.health.read(this.options.mailbox.id).catch(() => null);
    if (health?.auth === 'ok' || health?.auth === 'unknown' || health?.authRetryAt == null) return 0;
    return Math.max(0, Date.parse(health.authRetryAt) - Date.now());
  }

  private async recordInterruption(error: unknown, failures: number): Promise<void> {
    const { mailbox } = this.options;
    const reason = error instanceof Error ? error.message : String(error);
    const code = isTriageError(error) ? error.code : undefined;
    if (isTriageError(error, 'imap-auth', 'oauth-needs-login', 'oauth-key')) {
      const state = isTriageError(error, 'imap-auth') ? 'auth-failed' : 'needs-login';
      const retryAt = await this.health
        .recordAuthFailure(mailbox.id, reason, mailbox.authRetrySeconds, state)
        .catch(() => new Date(Date.now() + mailbox.authRetrySeconds * 1000));
      this.logger.error(
        { code, reason, state, nextLoginAt: retryAt.toISOString() },
        state === 'needs-login'
          ? `mailbox needs a new sign-in: run triage login ${mailbox.id}`
          : mailbox.auth !== undefined
            ? 'mailbox login refused with a fresh access token; check the app registration and the scopes'
            : 'mailbox login refused; check imap.auth (user and password) or use OAuth2',
      );
      return;
    }
    const wait = backoff(failures);
    await this.health.recordError(mailbox.id, reason).catch(() => undefined);
    this.logger.warn(
      {
        code,
        reason,
        imap: `${mailbox.imap.host}:${mailbox.imap.port}`,
        retryInSeconds: Math.round(wait / 1000),
      },
      'waiting for imap',
    );
    await pause(wait, this.stopping.signal);
  }

  /** Watches until the connection closes, the lease is lost or the watcher stops; the error that ended it, if any. */
  private async watchWhileLeased(): Promise<unknown> {
    const session = new AbortController();
    this.session = session;
    const renew = setInterval(() => {
      if (this.lease.shouldGive()) {
        this.giving = true;
        session.abort();
        return;
      }
      this.lease.hold().then(
        (held) => {
          if (!held) {
            this.logger.warn('mailbox lease lost; stopping this watcher');
            session.abort();
          }
        },
        () => session.abort(),
      );
    }, leaseTiming(this.options.leaseMs).renewEveryMs);
    let client: ImapFlow | null = null;
    let looks: DecisionLooks | null = null;
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
      // Decisions are looked for at the reconcile interval only (a few STATUS commands), never per new message.
      const { checkDecisions } = this.options;
      looks = checkDecisions
        ? startDecisionLooks(checkDecisions, this.options.mailbox.reconcileSeconds * 1000, this.logger)
        : null;
      await closedOrAborted(current, session.signal, this.stopping.signal);
      clearInterval(reconcile);
      return null;
    } catch (error) {
      return error;
    } finally {
      clearInterval(renew);
      await this.syncing?.catch(() => undefined);
      await looks?.stop();
      if (client?.usable) await client.logout().catch(() => client?.close());
      else client?.close();
      this.session = null;
    }
  }

  private async openFolder(): Promise<ImapFlow> {
    const { mailbox, maxMessageBytes, logins } = this.options;
    const client = await connectImap(mailbox, this.logger, {
      maxMessageBytes,
      logins,
      purpose: 'watch',
      autoIdleDelay: 500,
      slots: this.options.slots,
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
          logger: this.logger,
          batchSize: this.options.batchSize ?? 200,
        });
        if (queued > 0) this.logger.info({ queued }, 'queued new messages');
        const mode = client.capabilities.has('IDLE') ? 'idle' : 'polling';
        await this.health.recordFetch(this.options.mailbox.id, mode);
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
