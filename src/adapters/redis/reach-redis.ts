import { TriageError } from '../../errors/triage-error.ts';
import { openRedisClient, type RedisClient, type RedisTarget } from './redis-client.ts';

/** The URL with any password replaced, for output. */
export function redactUrl(url: string): string {
  // ioredis also takes `password=` in the query and URLs without a scheme (`user:pass@host`).
  return url
    .replace(/(password=)[^&]*/gi, '$1***')
    .replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^:@/]*:)[^@/]*@/i, '$1***@');
}

/** Where Redis is, for output: its URL, or the cluster's nodes as configured; passwords hidden. */
export function describeRedis(target: RedisTarget): string {
  if (target.cluster === undefined) return redactUrl(target.url);
  return `cluster ${target.cluster.nodes.map(redactUrl).join(', ')}`;
}

/**
 * Connects for a short command (the CLI): one attempt with short timeouts and no reconnects, so that an
 * unreachable Redis is one clear error — `redis-unavailable`, naming the URL (password hidden) and the reason —
 * instead of retries and a stack trace. The caller disconnects.
 */
export async function reachRedis(target: RedisTarget, name: string): Promise<RedisClient> {
  let lastError: Error | null = null;
  const redis = openRedisClient(
    target,
    {
      maxRetriesPerRequest: 1,
      connectTimeout: 3_000,
      commandTimeout: 10_000,
      disconnectTimeout: 100,
      connectionName: `applicant-triage:${name}`,
    },
    { retryStrategy: () => null, lazyConnect: true },
  );
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
    const reason = !(cause instanceof Error)
      ? String(cause)
      : target.cluster === undefined
        ? describe(cause)
        : describeClusterFailure(cause);
    throw new TriageError('redis-unavailable', `cannot reach Redis at ${describeRedis(target)}: ${reason}`, {
      cause,
    });
  }
}

// The cluster client closes a node it cannot connect to without saying why; an answer it got (a refused password)
// is the last node's error.
function describeClusterFailure(error: Error): string {
  const nodeError = (error as { lastNodeError?: unknown }).lastNodeError;
  if (nodeError instanceof Error && nodeError.message !== 'Connection is closed.') return describe(nodeError);
  return 'no node answered (are they running, on those hosts and ports?)';
}

function describe(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return 'connection refused (is it running, on that host and port?)';
  if (code === 'ENOTFOUND') return 'no such host';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (/NOAUTH|WRONGPASS|invalid password/i.test(error.message))
    return `${error.message} (check the password in redis.url or redis.cluster.nodes)`;
  return error.message;
}
