import type { Redis } from 'ioredis';
import { unpackText } from '../../src/adapters/redis/compact-text.ts';

/**
 * Every key under `prefix` with what it holds, as text (names, fields, members and values; packed values unpacked), so a test can look
 * for a person's name or address anywhere the daemon and its queues wrote.
 */
export async function scanPrefix(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) found.set(key, await contentOf(redis, key));
  } while (cursor !== '0');
  return found;
}

async function contentOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return unpackText((await redis.get(key)) ?? '');
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, '0', '-1'));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}
