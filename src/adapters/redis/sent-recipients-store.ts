import type { RedisClient } from './redis-client.ts';
import { baseAddress } from '../../domain/machine-address.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/** How far a Sent folder has been read: every message up to `uid` under `uidValidity`. */
export interface SentCursor {
  uidValidity: string;
  uid: number;
}

/**
 * Per mailbox, the addresses it has written to (the recipients of its Sent folder), kept as keyed hashes of the
 * address lower-cased and without `+detail` (never in clear), and how far its Sent folder has been read.
 */
export class SentRecipientsStore {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: Pick<PersonalData, 'hashAddress'>;

  constructor(redis: RedisClient, keys: RedisKeys, personal: Pick<PersonalData, 'hashAddress'>) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  /** Whether the mailbox has written to `address` (any case, any `+detail`). */
  async has(mailboxId: string, address: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.sentRecipients(mailboxId), this.hash(address))) === 1;
  }

  /**
   * Adds the addresses of a batch and moves the cursor to `cursor`, atomically; the cursor only moves forward
   * (or onto a new UIDVALIDITY), so a batch stored twice or late changes nothing.
   */
  async add(mailboxId: string, addresses: Iterable<string>, cursor: SentCursor): Promise<void> {
    const hashes = new Set([...addresses].map((address) => this.hash(address)));
    await runScript(
      this.redis,
      'sent-recipients-add',
      this.keys.sentRecipients(mailboxId),
      this.keys.sentCursor(mailboxId),
      cursor.uidValidity,
      String(cursor.uid),
      ...hashes,
    );
  }

  /** How far the mailbox's Sent folder has been read, or null before the first read. */
  async cursor(mailboxId: string): Promise<SentCursor | null> {
    const stored = await this.redis.hgetall(this.keys.sentCursor(mailboxId));
    if (stored.uidValidity === undefined || stored.uid === undefined) return null;
    return { uidValidity: stored.uidValidity, uid: Number(stored.uid) };
  }

  /** Records that the mailbox's Sent folder has been read to its end once (or that it has none). */
  async markRead(mailboxId: string): Promise<void> {
    await this.redis.hset(this.keys.sentCursor(mailboxId), 'read', '1');
  }

  /** Whether the mailbox's Sent folder has been read to its end at least once: until then nobody is known. */
  async known(mailboxId: string): Promise<boolean> {
    return (await this.redis.hget(this.keys.sentCursor(mailboxId), 'read')) === '1';
  }

  /** How many distinct addresses the mailbox has written to. */
  async count(mailboxId: string): Promise<number> {
    return this.redis.scard(this.keys.sentRecipients(mailboxId));
  }

  /** Forgets the mailbox's recipients and cursor: its Sent folder is read again from the start. */
  async reset(mailboxId: string): Promise<void> {
    await this.redis.del(this.keys.sentRecipients(mailboxId), this.keys.sentCursor(mailboxId));
  }

  private hash(address: string): string {
    return this.personal.hashAddress(baseAddress(address));
  }
}
