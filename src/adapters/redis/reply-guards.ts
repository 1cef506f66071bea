import type { Redis } from 'ioredis';
import { shortHash, type RedisKeys } from './redis-keys.ts';

// Forget replies older than the window; a reply already counted is allowed again; else count it if under max.
const RESERVE = `
redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local count = redis.call('zcard', KEYS[1])
if redis.call('zscore', KEYS[1], ARGV[4]) then return count - 1 end
if count < tonumber(ARGV[3]) then
  redis.call('zadd', KEYS[1], ARGV[1], ARGV[4])
  redis.call('pexpire', KEYS[1], ARGV[2])
end
return count`;

/** Per-address facts the reply rules need: bounce suppression and the sliding-window count of replies. */
export class ReplyGuards {
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
    const counted = await this.redis.eval(
      RESERVE,
      1,
      key,
      String(at.getTime()),
      String(windowMs),
      String(max),
      id,
    );
    return Number(counted);
  }
}
