import { heldReferenceSchema, type HeldReference } from '../../candidates/held-reference.ts';
import type { ReferenceHolds } from '../../ports/reference-holds.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';
import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';

/**
 * Held referees' mails in Redis: one hash per mailbox, by message key; each entry names a referee and an applicant,
 * so it is sealed with the data key when one is set.
 */
export class ReferenceHoldStore implements ReferenceHolds {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;

  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  async hold(reference: HeldReference): Promise<void> {
    const key = this.keys.heldReferences(reference.mailbox);
    const sealed = this.personal.seal(JSON.stringify(reference), `${key}/${reference.key}`);
    await this.redis.hset(key, reference.key, sealed);
  }

  async held(mailboxId: string): Promise<HeldReference[]> {
    const key = this.keys.heldReferences(mailboxId);
    const all = await this.redis.hgetall(key);
    return Object.entries(all).map(([messageKey, stored]) =>
      heldReferenceSchema.parse(JSON.parse(this.personal.open(stored, `${key}/${messageKey}`))),
    );
  }

  /** Removes a mailbox's held letters that `expired` says are past; how many went. */
  async expire(mailboxId: string, expired: (held: HeldReference) => boolean): Promise<number> {
    const gone = (await this.held(mailboxId)).filter(expired).map((held) => held.key);
    if (gone.length > 0) await this.redis.hdel(this.keys.heldReferences(mailboxId), ...gone);
    return gone.length;
  }

  async release(mailboxId: string, key: string): Promise<void> {
    await this.redis.hdel(this.keys.heldReferences(mailboxId), key);
  }
}
