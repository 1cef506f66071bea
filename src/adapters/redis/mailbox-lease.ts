import type { Redis } from 'ioredis';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Takes the lease `key` for `owner` for `ttlMs`, or renews it when `owner` already holds it.
 * Returns false when another owner holds it.
 */
export async function acquireLease(
  redis: Redis,
  key: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  const taken = await redis.set(key, owner, 'PX', ttlMs, 'NX');
  if (taken === 'OK') return true;
  return (await redis.eval(RENEW, 1, key, owner, String(ttlMs))) === 1;
}

/** Gives the lease back if `owner` still holds it, so another process can take over at once. */
export async function releaseLease(redis: Redis, key: string, owner: string): Promise<void> {
  await redis.eval(RELEASE, 1, key, owner);
}
