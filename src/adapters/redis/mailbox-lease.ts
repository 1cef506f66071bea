import type { Redis } from 'ioredis';
import { runScript } from './redis-scripts.ts';

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
  return (await runScript(redis, 'lease-renew', key, owner, String(ttlMs))) === 1;
}

/** Gives the lease back if `owner` still holds it, so another process can take over at once. */
export async function releaseLease(redis: Redis, key: string, owner: string): Promise<void> {
  await runScript(redis, 'lease-release', key, owner);
}
