import { Redis } from 'ioredis';
import { TriageError } from '../../errors/triage-error.ts';

/** The URL with any password replaced, for output. */
export function redactUrl(url: string): string {
  // ioredis also takes `password=` in the query and URLs without a scheme (`user:pass@host`).
  return url
    .replace(/(password=)[^&]*/gi, '$1***')
    .replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^:@/]*:)[^@/]*@/i, '$1***@');
}

/**
 * Connects for a short command (the CLI): one attempt with short timeouts and no reconnects, so that an
 * unreachable Redis is one clear error — `redis-unavailable`, naming the URL (password hidden) and the reason —
 * instead of retries and a stack trace. The caller disconnects.
 */
export async function reachRedis(url: string, name: string): Promise<Redis> {
  let lastError: Error | null = null;
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    connectTimeout: 3_000,
    commandTimeout: 10_000,
    disconnectTimeout: 100,
    connectionName: `applicant-triage:${name}`,
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
    const cause = lastError ?? error;
    const reason = cause instanceof Error ? describe(cause) : String(cause);
    throw new TriageError('redis-unavailable', `cannot reach Redis at ${redactUrl(url)}: ${reason}`, {
      cause,
    });
  }
}

function describe(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return 'connection refused (is it running, on that host and port?)';
  if (code === 'ENOTFOUND') return 'no such host';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (/NOAUTH|WRONGPASS|invalid password/i.test(error.message))
    return `${error.message} (check the password in redis.url)`;
  return error.message;
}
