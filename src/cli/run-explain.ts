import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { connectRedis } from '../adapters/redis/connect-redis.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { ReplyGuards } from '../adapters/redis/reply-guards.ts';
import type { Config } from '../config/schema.ts';
import { DocumentPool } from '../documents/document-pool.ts';
import { explainMessage } from '../explain/explain-message.ts';
import type { Explanation } from '../explain/explanation.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { ParsedMessage } from '../mail/parse-message.ts';
import { loadVacancyTemplates } from '../stages/replies/load-vacancy-templates.ts';

/**
 * `explain`: the daemon's plans on one parsed message, with its documents read as the daemon reads them. With
 * `history`, the daemon's candidates and bounce list are read (never written) from Redis, so a follow-up is
 * explained as a follow-up; without it nothing but the file is read.
 */
export async function runExplain(
  parsed: ParsedMessage,
  config: Config,
  options: { mailboxId: string; history: boolean; logger: Logger },
): Promise<Explanation> {
  const reader = new DocumentPool(config.extraction);
  const redis = options.history ? connectRedis(config.redis.url, options.logger, { name: 'explain' }) : null;
  try {
    const keys = redisKeys(config.redis.prefix);
    return await explainMessage(parsed, {
      config,
      mailboxId: options.mailboxId,
      templates: await loadVacancyTemplates(config),
      reader,
      history: redis ? new CandidateStore(redis, keys) : null,
      guards: redis ? new ReplyGuards(redis, keys) : null,
    });
  } finally {
    redis?.disconnect();
    await reader.close();
  }
}
