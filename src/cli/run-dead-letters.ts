import { DeadLetterStore } from '../adapters/redis/dead-letters.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import type { Config } from '../config/schema.ts';

/** `triage dead-letters [--json]`: one line per message whose processing failed for good. */
export async function runDeadLetters(config: Config, json: boolean): Promise<void> {
  const redis = await reachRedis(config.redis.url, 'cli');
  try {
    const letters = await new DeadLetterStore(redis, redisKeys(config.redis.prefix)).list();
    if (json) console.log(JSON.stringify(letters, null, 2));
    else if (letters.length === 0) console.log('No dead letters.');
    else
      for (const letter of letters)
        console.log(`${letter.failedAt}  ${letter.queue}/${letter.jobId}  ${letter.reason}`);
  } finally {
    redis.disconnect();
  }
}
