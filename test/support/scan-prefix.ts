import { unpackText } from '../../src/adapters/redis/compact-text.ts';
import { scanKeys, type RedisClient } from '../../src/adapters/redis/redis-client.ts';

/**
 * Every key under `prefix` with what it holds, as text (names, fields, members and values; packed values unpacked), so a test can look
 * for a person's name or address anywhere the daemon and its queues wrote.
 */
export async function scanPrefix(redis: RedisClient, prefix: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const keys of scanKeys(redis, `${prefix}:*`, 1000)) {
    for (const key of keys) found.set(key, await contentOf(redis, key));
  }
  return found;
}

async function contentOf(redis: RedisClient, key: string): Promise<string> {
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
