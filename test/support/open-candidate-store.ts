import type { RedisClient } from '../../src/adapters/redis/redis-client.ts';
import { CandidateStore } from '../../src/adapters/redis/candidate-store.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';

/** The daemon's candidate store under `prefix`, opened as the daemon opens it (the same address key and data key). */
export async function openCandidateStore(
  redis: RedisClient,
  prefix: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CandidateStore> {
  const keys = redisKeys(prefix);
  return new CandidateStore(
    redis,
    keys,
    await openPersonalData(redis, keys, { dataKeyEnv: 'TRIAGE_DATA_KEY' }, env),
  );
}
