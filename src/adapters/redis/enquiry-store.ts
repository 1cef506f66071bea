import type { RedisClient } from './redis-client.ts';
import type { EnquiryLog } from '../../ports/stage-stores.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';
import type { RedisKeys } from './redis-keys.ts';

/** One enquiry log entry: what became of the reply to one untagged enquiry. */
export type EnquiryEntry = Record<string, unknown>;

/**
 * The enquiry log in Redis: per mailbox, what became of the reply to each untagged enquiry (it names the
 * enquirer, so each entry is sealed with the data key when one is set).
 */
export class EnquiryStore implements EnquiryLog {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;

  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  async record(mailboxId: string, messageKey: string, entry: EnquiryEntry): Promise<void> {
    const key = this.keys.enquiries(mailboxId);
    await this.redis.hset(key, messageKey, this.personal.seal(JSON.stringify(entry), `${key}/${messageKey}`));
  }

  /** Removes a mailbox's entries whose time (`at`) `expired` says is past; how many went. */
  async expire(mailboxId: string, expired: (at: string) => boolean): Promise<number> {
    const gone = [...(await this.entries(mailboxId))]
      .filter(([, entry]) => typeof entry.at === 'string' && expired(entry.at))
      .map(([messageKey]) => messageKey);
    if (gone.length > 0) await this.redis.hdel(this.keys.enquiries(mailboxId), ...gone);
    return gone.length;
  }

  /** Every entry of a mailbox's log, opened, by message key. */
  async entries(mailboxId: string): Promise<Map<string, EnquiryEntry>> {
    const key = this.keys.enquiries(mailboxId);
    const all = await this.redis.hgetall(key);
    return new Map(
      Object.entries(all).map(([messageKey, stored]) => [
        messageKey,
        JSON.parse(this.personal.open(stored, `${key}/${messageKey}`)) as EnquiryEntry,
      ]),
    );
  }
}
