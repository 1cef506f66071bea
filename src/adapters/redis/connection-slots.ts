import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisClient } from './redis-client.ts';
import type { MailboxConfig } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/** How long a connection other than the watcher's waits for a free slot before its job is retried later. */
const DEFAULT_WAIT_MS = 10_000;
const POLL_MS = 250;

/** An IMAP connection's place under its mailbox's cap; kept (renewed) until released. */
export interface ConnectionSlot {
  /** Aborts when the slot lapsed (renewals failed) and every slot was taken meanwhile: close the connection. */
  readonly lost: AbortSignal;
  /** Gives the slot back; safe to call more than once. */
  release(): void;
}

/** Where connections get their slot. */
export interface ConnectionSlotSource {
  /** A slot for one more connection of `purpose` to `mailbox`, or `imap-unavailable` when the cap is reached. */
  acquire(mailbox: MailboxConfig, purpose: string): Promise<ConnectionSlot>;
}

/**
 * The cap on each mailbox's IMAP connections across every daemon process (`mailboxes[].maxConnections`), as a
 * Redis counting semaphore: a slot is a member of the mailbox's sorted set scored by when it lapses, renewed every
 * third of `leaseSeconds` while its connection is open, so the slots of a killed process are free again within
 * `leaseSeconds`. One slot is kept for a watcher (purpose `watch`): the other connections share the rest
 * (`maxConnections` − 1), waiting up to 10 s for one, then fail with the retryable `imap-unavailable`.
 */
export class ConnectionSlots implements ConnectionSlotSource {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly waitMs: number;
  private readonly process = `${hostname()}:${process.pid}`;

  constructor(redis: RedisClient, keys: RedisKeys, waitMs = DEFAULT_WAIT_MS) {
    this.redis = redis;
    this.keys = keys;
    this.waitMs = waitMs;
  }

  async acquire(mailbox: MailboxConfig, purpose: string): Promise<ConnectionSlot> {
    // The purpose leads: the script tells a watcher's slot by its `watch:`.
    const id = `${purpose}:${this.process}:${randomUUID().slice(0, 8)}`;
    const deadline = Date.now() + (purpose === 'watch' ? 0 : this.waitMs);
    while (!(await this.take(mailbox, id))) {
      if (Date.now() >= deadline)
        throw new TriageError(
          'imap-unavailable',
          `mailbox ${mailbox.id}: no IMAP connection left for ${purpose} under mailboxes[].maxConnections ` +
            `(${mailbox.maxConnections}, one of them kept for the watcher); will retry`,
        );
      await sleep(POLL_MS + Math.random() * POLL_MS);
    }
    return this.hold(mailbox, id);
  }

  private hold(mailbox: MailboxConfig, id: string): ConnectionSlot {
    const lost = new AbortController();
    const renew = setInterval(
      () => {
        // Redis not answering is no loss: the slot may lapse, and a later renewal takes it again if there is room.
        this.take(mailbox, id).then(
          (held) => {
            if (held) return;
            clearInterval(renew);
            lost.abort();
          },
          () => undefined,
        );
      },
      (mailbox.leaseSeconds * 1000) / 3,
    );
    renew.unref();
    let released = false;
    return {
      lost: lost.signal,
      release: () => {
        if (released) return;
        released = true;
        clearInterval(renew);
        const key = this.keys.connectionSlots(mailbox.id);
        runScript(this.redis, 'connection-slot', key, 'release', id).catch(() => undefined);
      },
    };
  }

  private async take(mailbox: MailboxConfig, id: string): Promise<boolean> {
    const key = this.keys.connectionSlots(mailbox.id);
    const ttl = String(mailbox.leaseSeconds * 1000);
    const cap = String(mailbox.maxConnections);
    return (await runScript(this.redis, 'connection-slot', key, 'acquire', id, ttl, cap)) === 1;
  }
}
