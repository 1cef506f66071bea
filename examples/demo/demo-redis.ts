import { Redis } from 'ioredis';

/** The Redis the demo uses when `$REDIS_URL` is not set. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Connects to Redis and pings it, failing fast (one attempt, short timeouts, no reconnects) with the reason
 * when it cannot be reached.
 */
export async function connectDemoRedis(url: string): Promise<Redis> {
  let lastError: Error | null = null;
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    connectTimeout: 3_000,
    commandTimeout: 3_000,
    // ioredis arms this timer on disconnect() even when it never connected; its 2 s default delays the exit.
    disconnectTimeout: 100,
    connectionName: 'applicant-triage:demo',
  });
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw lastError ?? error;
  }
}

/** Deletes every key under `<prefix>:` with SCAN + DEL (never FLUSHALL: the Redis may be shared); returns how many. */
export async function removePrefix(redis: Redis, prefix: string): Promise<number> {
  let removed = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) removed += await redis.del(...keys);
  } while (cursor !== '0');
  return removed;
}

/** What to tell a user whose Redis cannot be reached. */
export function redisHelp(url: string, reason: string): string {
  return [
    `Cannot reach Redis at ${redactUrl(url)}: ${reason}`,
    '',
    'The demo runs everything in-process except Redis. Start one, then run `npm run demo` again:',
    '  docker compose up -d redis                 # from this checkout',
    'or, on Debian/Ubuntu:',
    '  sudo apt-get install -y redis-server && redis-server --daemonize yes',
    'or point the demo at another server:',
    '  REDIS_URL=redis://host:port npm run demo',
  ].join('\n');
}

/** The URL with any password replaced, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
