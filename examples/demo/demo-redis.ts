import { scanKeys, type RedisClient } from '../../src/adapters/redis/redis-client.ts';

/** The Redis the demo uses when `$REDIS_URL` is not set. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Deletes every key under `<prefix>:` with SCAN + DEL (never FLUSHALL: the Redis may be shared); returns how many. */
export async function removePrefix(redis: RedisClient, prefix: string): Promise<number> {
  let removed = 0;
  for await (const keys of scanKeys(redis, `${prefix}:*`, 1000)) removed += await redis.del(...keys);
  return removed;
}

/** What to tell a user whose Redis cannot be reached (`problem`: reachRedis's error message). */
export function redisHelp(problem: string): string {
  return [
    problem.charAt(0).toUpperCase() + problem.slice(1),
    '',
    'The demo runs everything in-process except Redis. Start one, then run `npm run demo` again:',
    '  docker compose up -d redis                 # from this checkout',
    'or, on Debian/Ubuntu:',
    '  sudo apt-get install -y redis-server && redis-server --daemonize yes',
    'or point the demo at another server:',
    '  REDIS_URL=redis://host:port npm run demo',
  ].join('\n');
}
