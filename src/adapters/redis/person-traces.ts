import { scanKeys, type RedisClient } from './redis-client.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';
import type { CandidateEraser } from './candidate-eraser.ts';
import { EnquiryStore } from './enquiry-store.ts';
import type { RedisKeys } from './redis-keys.ts';

/** What forgetting a person left in place, as keyed hashes only, to keep the daemon's promises. */
export interface KeptTraces {
  /** Reply-ledger entries (never a second acknowledgement or enquiry reply). */
  ledgerEntries: number;
  /** Bounce suppressions (never writing to an address that bounced). */
  bounceSuppressions: number;
}

/**
 * A person's traces outside their candidate records: their enquiries' log entries and reply-ledger entries,
 * bounce suppressions and sent-reply records from before addresses were hashed, and the audit trail.
 */
export class PersonTraces {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;

  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  /** The enquiry log entries that name the address, per mailbox (message keys). */
  async enquiryEntries(mailboxIds: readonly string[], address: string): Promise<Map<string, string[]>> {
    const store = new EnquiryStore(this.redis, this.keys, this.personal);
    const wanted = address.toLowerCase();
    const found = new Map<string, string[]>();
    for (const mailboxId of mailboxIds) {
      const keys = [...(await store.entries(mailboxId))]
        .filter(([, entry]) => typeof entry.to === 'string' && entry.to.toLowerCase() === wanted)
        .map(([key]) => key);
      if (keys.length > 0) found.set(mailboxId, keys);
    }
    return found;
  }

  /** Removes enquiry log entries found by enquiryEntries. */
  async removeEnquiryEntries(found: ReadonlyMap<string, readonly string[]>): Promise<void> {
    for (const [mailboxId, keys] of found) await this.redis.hdel(this.keys.enquiries(mailboxId), ...keys);
  }

  /**
   * Keeps what must outlive the person under keyed hashes only: their reply-ledger entries in these scopes
   * (vacancies, and `mailbox-<id>` for enquiries; scrubbed of the server's answers), a bounce suppression and
   * sent-reply records written in clear before addresses were hashed.
   */
  async keepAsHashes(
    scopes: readonly string[],
    address: string,
    eraser: CandidateEraser,
  ): Promise<KeptTraces> {
    const lower = address.toLowerCase();
    const hash = this.personal.hashAddress(lower);
    let ledgerEntries = 0;
    for (const scope of scopes) ledgerEntries += await eraser.scrubLedger(scope, lower);
    const bounced = this.keys.bounced();
    const [clearUntil] = await this.redis.hmget(bounced, lower);
    if (clearUntil) await this.redis.multi().hset(bounced, hash, clearUntil).hdel(bounced, lower).exec();
    const bounceSuppressions = (await this.redis.hexists(bounced, hash)) ? 1 : 0;
    await this.hashSentReplies(lower, hash);
    return { ledgerEntries, bounceSuppressions };
  }

  /** Appends one entry to the audit trail (the last 10,000 kept): counts and keyed hashes, no personal data. */
  async audit(entry: Record<string, unknown>): Promise<void> {
    const key = this.keys.privacyAudit();
    await this.redis.multi().rpush(key, JSON.stringify(entry)).ltrim(key, -10_000, -1).exec();
  }

  // Sent-reply records written before addresses were hashed hold the address: they now hold its hash.
  private async hashSentReplies(address: string, hash: string): Promise<void> {
    for await (const keys of scanKeys(this.redis, this.keys.sentReply('*'))) {
      const values = await this.redis.mget(keys);
      for (const [index, value] of values.entries()) {
        if (value !== address) continue;
        await this.redis.set(keys[index] ?? '', hash, 'KEEPTTL');
      }
    }
  }
}
