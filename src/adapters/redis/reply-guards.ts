import type { RedisClient } from './redis-client.ts';
import { runScript } from './redis-scripts.ts';
import { type RedisKeys } from './redis-keys.ts';
import type { ReplyGuardStore, ReplyWindowCounts } from '../../ports/delivery-ports.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';

/**
 * Per-address facts the reply rules need: bounce suppression, which applicant a recipient answers for, and the
 * sliding-window counts of replies per address and per domain — each kept by the keyed hash of the address.
 */
export class ReplyGuards implements ReplyGuardStore {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;

  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  /** Suppresses replies to `address` until `until`. */
  async suppressBounced(address: string, until: Date): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.bounced(), this.hash(address), until.toISOString())
      .hdel(this.keys.bounced(), address.toLowerCase())
      .exec();
  }

  /** Whether `address` bounced one of our replies recently enough to be suppressed at `now`. */
  async isBounced(address: string, now: Date): Promise<boolean> {
    // A suppression written before addresses were hashed is under the address itself.
    const found = await this.redis.hmget(this.keys.bounced(), this.hash(address), address.toLowerCase());
    return found.some((until) => until !== null && Date.parse(until) > now.getTime());
  }

  /**
   * Binds `recipient` to `applicant` within `scope` (a vacancy) for good, unless it is bound already (SET NX,
   * atomic): true when it is bound to this applicant, now or before. Never expires, like the reply ledger.
   */
  async claimRecipient(scope: string, recipient: string, applicant: string): Promise<boolean> {
    const key = this.keys.recipientOwner(scope, this.hash(recipient));
    const owner = this.hash(applicant);
    const before = (await this.redis.call('SET', key, owner, 'NX', 'GET')) as string | null;
    return before === null || before === owner;
  }

  /** Whether `recipient` is bound to an applicant other than `applicant` within `scope` (read only). */
  async recipientTaken(scope: string, recipient: string, applicant: string): Promise<boolean> {
    const owner = await this.redis.get(this.keys.recipientOwner(scope, this.hash(recipient)));
    return owner !== null && owner !== this.hash(applicant);
  }

  /**
   * Reserves one reply to `address` in the sliding windows of the address and of its domain, atomically: returns
   * how many replies each window held before, and counts this one (by `id`, so a retry of the same reply is
   * counted once) only while both are under their max.
   */
  async reserveReply(
    address: string,
    id: string,
    at: Date,
    windowMs: number,
    max: { address: number; domain: number },
  ): Promise<ReplyWindowCounts> {
    const lower = address.toLowerCase();
    const domain = lower.slice(lower.lastIndexOf('@') + 1);
    const counted = (await runScript(
      this.redis,
      'reply-window-reserve',
      this.keys.repliesTo(this.hash(lower)),
      this.keys.repliesToDomain(this.hash(domain)),
      String(at.getTime()),
      String(windowMs),
      String(max.address),
      String(max.domain),
      id,
    )) as [number, number];
    return { address: Number(counted[0]), domain: Number(counted[1]) };
  }

  private hash(address: string): string {
    return this.personal.hashAddress(address);
  }
}
