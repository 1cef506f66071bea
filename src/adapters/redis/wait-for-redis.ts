import { setTimeout as sleep } from 'node:timers/promises';
import { TriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { describeRedis, reachRedis } from './reach-redis.ts';
import type { RedisTarget } from './redis-client.ts';

/** How long start-up waits for Redis. */
export interface RedisWait {
  /** Gives up after this long (`redis-unavailable`); 0 waits for ever. */
  timeoutSeconds: number;
  /** Stops waiting (a shutdown requested during start-up): resolves false. */
  signal: AbortSignal;
}

/**
 * Waits until Redis answers a PING, logging one line per failed attempt with the reason and the wait before the
 * next (1 s, doubling to 30 s). True once reached; false when `signal` aborted first.
 */
export async function waitForRedis(target: RedisTarget, logger: Logger, wait: RedisWait): Promise<boolean> {
  const started = Date.now();
  for (let attempt = 0; !wait.signal.aborted; attempt += 1) {
    try {
      const redis = await reachRedis(target, 'startup');
      redis.disconnect();
      if (attempt > 0) logger.info({ redis: describeRedis(target) }, 'redis reachable');
      return true;
    } catch (error) {
      const waited = Math.round((Date.now() - started) / 1000);
      const reason = error instanceof Error ? error.message : String(error);
      if (wait.timeoutSeconds > 0 && waited >= wait.timeoutSeconds) {
        throw new TriageError(
          'redis-unavailable',
          `${reason}; gave up after ${waited} s (redis.startupTimeoutSeconds)`,
          { cause: error },
        );
      }
      const retryInSeconds = Math.min(2 ** attempt, 30);
      logger.warn(
        { redis: describeRedis(target), reason, waitedSeconds: waited, retryInSeconds },
        'waiting for redis',
      );
      await sleep(retryInSeconds * 1000, undefined, { signal: wait.signal }).catch(() => undefined);
    }
  }
  return false;
}
