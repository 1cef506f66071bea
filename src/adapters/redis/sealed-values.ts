import { scanKeys, type RedisClient } from './redis-client.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/** How the stored personal data is sealed: under the current key, or due for resealing (clear, or an older key). */
export interface SealingCounts {
  current: number;
  due: number;
}

/**
 * Every value of personal data in Redis that the data key seals: candidate records, enquiry log entries and the
 * erasure journal — counted (`check`) or sealed again with the current key (`triage reseal`, after a key is set
 * or rotated). Each value is replaced only if unchanged since read, so a running daemon's writes are never undone.
 */
export class SealedValues {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;
  private readonly mailboxIds: readonly string[];

  /** `mailboxIds`: the configured mailboxes, whose enquiry logs are visited. */
  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData, mailboxIds: readonly string[]) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
    this.mailboxIds = mailboxIds;
  }

  /** How many values are sealed under the current key and how many are due. */
  async count(): Promise<SealingCounts> {
    const counts = { current: 0, due: 0 };
    await this.visit((_key, _field, stored) => {
      if (this.personal.needsReseal(stored)) counts.due += 1;
      else counts.current += 1;
      return Promise.resolve();
    });
    return counts;
  }

  /** Seals every due value with the current key; returns how many were resealed. */
  async reseal(): Promise<number> {
    let resealed = 0;
    await this.visit(async (key, field, stored) => {
      if (!this.personal.needsReseal(stored)) return;
      const context = field === null ? key : `${key}/${field}`;
      const sealed = this.personal.seal(this.personal.open(stored, context), context);
      const replaced =
        field === null
          ? await runScript(this.redis, 'value-replace', key, stored, sealed)
          : await runScript(this.redis, 'field-replace', key, field, stored, sealed);
      if (replaced === 1) resealed += 1;
    });
    return resealed;
  }

  private async visit(
    each: (key: string, field: string | null, stored: string) => Promise<void>,
  ): Promise<void> {
    for await (const keys of scanKeys(this.redis, this.keys.candidate('*'))) {
      for (const key of keys) {
        const stored = await this.redis.get(key);
        if (stored !== null) await each(key, null, stored);
      }
    }
    // Enquiry logs by mailbox id: their names share a namespace with the enquiries queue's keys.
    const hashes = [this.keys.erasures(), ...this.mailboxIds.map((id) => this.keys.enquiries(id))];
    for (const key of hashes) {
      for (const [field, stored] of Object.entries(await this.redis.hgetall(key)))
        await each(key, field, stored);
    }
  }
}
