import type { Logger } from '../../logging/create-logger.ts';
import { openRedisClient, type RedisClient, type RedisTarget } from './redis-client.ts';

/**
 * Opens a connection (to one server or a Redis Cluster) with an error listener attached. `blocking: true` is for
 * BullMQ workers, which need `maxRetriesPerRequest: null` (on a cluster: on every node's connection); other
 * connections fail a command after a few retries.
 */
export function connectRedis(
  target: RedisTarget,
  logger: Logger,
  options: { blocking?: boolean; name?: string } = {},
): RedisClient {
  const redis = openRedisClient(
    target,
    {
      maxRetriesPerRequest: options.blocking ? null : 3,
      enableReadyCheck: true,
      // A short-lived command must not linger after disconnect() when Redis was never reached.
      disconnectTimeout: 200,
      connectionName: options.name ? `applicant-triage:${options.name}` : 'applicant-triage',
    },
    // At most 2 s between attempts: work resumes within seconds of Redis coming back.
    { retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2_000) },
  );
  let lastMessage = '';
  redis.on('error', (error: Error) => {
    if (error.message === lastMessage) return;
    lastMessage = error.message;
    // One line per distinct error, without a stack: a refused connection is an expected outage, not a bug.
    logger.warn(
      { connection: options.name, reason: error.message, code: (error as { code?: unknown }).code },
      'redis connection error',
    );
  });
  redis.on('ready', () => {
    lastMessage = '';
  });
  return redis;
}
