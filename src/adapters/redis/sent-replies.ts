import type { RedisClient } from './redis-client.ts';
import { shortHash } from '../../domain/short-hash.ts';
import type { SentReplyLog } from '../../ports/delivery-ports.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';
import type { RedisKeys } from './redis-keys.ts';

/** How long we remember whom a reply went to: far longer than any MTA keeps retrying before it bounces. */
export const SENT_REPLY_TTL_MS = 90 * 24 * 3600_000;

/**
 * The sent-reply record: Message-ID of each reply → the keyed hash of its recipient, kept 90 days (one key per
 * reply).
 */
export class SentReplies implements SentReplyLog {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;

  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  /** Remembers that the reply `messageId` goes to `recipient` (before it is sent; idempotent). */
  async record(messageId: string, recipient: string): Promise<void> {
    await this.redis.set(this.key(messageId), this.identify(recipient), 'PX', SENT_REPLY_TTL_MS);
  }

  /** For each Message-ID, who we sent that reply to (as `identify` gives it), or null when we have no record. */
  async recipientsOf(messageIds: readonly string[]): Promise<Map<string, string | null>> {
    if (messageIds.length === 0) return new Map();
    const found = await this.redis.mget(...messageIds.map((id) => this.key(id)));
    // A record written before addresses were hashed holds the address itself.
    const identified = found.map((value) => (value?.includes('@') ? this.identify(value) : value));
    return new Map(messageIds.map((id, index) => [id, identified[index] ?? null]));
  }

  /** What the record holds for an address: its keyed hash. */
  identify(address: string): string {
    return this.personal.hashAddress(address);
  }

  private key(messageId: string): string {
    return this.keys.sentReply(shortHash(messageId.trim().toLowerCase(), 32));
  }
}
