import type { Redis } from 'ioredis';
import { runScript } from './redis-scripts.ts';
import { type RedisKeys } from './redis-keys.ts';
import { shortHash } from '../../domain/short-hash.ts';
import type { ReplyGuardStore } from '../../ports/delivery-ports.ts';

/** Per-address facts the reply rules need: bounce suppression and the sliding-window count of replies. */
export class ReplyGuards implements ReplyGuardStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;

  constructor(redis: Redis, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Suppresses replies to `address` until `until`. */
  async suppressBounced(address: string, until: Date): Promise<void> {
    await this.redis.hset(this.keys.bounced(), address.toLowerCase(), until.toISOString());
  }

  /** Whether `address` bounced one of our replies recently enough to be suppressed at `now`. */
  async isBounced(address: string, now: Date): Promise<boolean> {
    const until = await this.redis.hget(this.keys.bounced(), address.toLowerCase());
    return until !== null && Date.parse(until) > now.getTime();
  }

  /**
   * Reserves one reply to `address` within the sliding window, atomically: returns how many replies were counted
   * before, and counts this one (by `id`, so a retry of the same reply is counted once) only while under `max`.
   */
  async reserveReply(address: string, id: string, at: Date, windowMs: number, max: number): Promise<number> {
    const key = this.keys.repliesTo(shortHash(address.toLowerCase()));
    const counted = await runScript(
      this.redis,
      'reply-window-reserve',
      key,
      String(at.getTime()),
      String(windowMs),
      String(max),
      id,
    );
    return Number(counted);
  }
}
