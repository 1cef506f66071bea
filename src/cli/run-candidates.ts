import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import type { Config } from '../config/schema.ts';
import { candidateJson, formatCandidates } from './format-candidates.ts';

/** `triage candidates [--vacancy <id>] [--json]`: the candidates recorded so far (a known vacancy, or all). */
export async function runCandidates(
  config: Config,
  options: { vacancy?: string; json?: boolean },
): Promise<void> {
  const ids = options.vacancy ? [options.vacancy] : config.vacancies.map((vacancy) => vacancy.id);
  const redis = await reachRedis(config.redis.url, 'cli');
  try {
    const records = await new CandidateStore(redis, redisKeys(config.redis.prefix)).list(ids);
    console.log(
      options.json ? JSON.stringify(records.map(candidateJson), null, 2) : formatCandidates(records),
    );
  } finally {
    redis.disconnect();
  }
}
