import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { SealedValues } from '../adapters/redis/sealed-values.ts';
import type { Config } from '../config/schema.ts';
import { plural } from '../domain/plural.ts';
import { readDataKeys } from '../privacy/data-keys.ts';
import type { CheckLine } from './check-line.ts';

const GENERATE = 'generate one with: openssl rand -base64 32';

/**
 * The `personal data` line of `check`: whether candidates' data is encrypted at rest (a warning when no data key
 * is set), a failure when the key is malformed or does not open what is stored, and how many stored values still
 * wait for `triage reseal` (clear, or sealed with a previous key).
 */
export async function checkPersonalData(config: Config): Promise<CheckLine> {
  const name = 'personal data';
  const variable = config.security.dataKeyEnv;
  try {
    const keys = readDataKeys(variable);
    if (keys.current === null)
      return {
        ok: true,
        warning: true,
        name,
        detail: `${variable} is not set: candidate records are stored in Redis in clear; ${GENERATE}`,
      };
    const sealed = `${variable} is set (AES-256-GCM, key ${keys.current.fingerprint})`;
    const redis = await reachRedis(config.redis, 'check').catch(() => null);
    if (redis === null)
      return { ok: true, name, detail: `${sealed}; Redis is not reachable to count records` };
    try {
      const redisKeyNames = redisKeys(config.redis.prefix);
      const personal = await openPersonalData(redis, redisKeyNames, config.security, process.env, {
        readOnly: true,
      });
      const counts = await new SealedValues(
        redis,
        redisKeyNames,
        personal,
        config.mailboxes.map((mailbox) => mailbox.id),
      ).count();
      if (counts.due === 0)
        return { ok: true, name, detail: `${sealed}; ${plural(counts.current, 'value')} sealed` };
      return {
        ok: true,
        warning: true,
        name,
        detail: `${sealed}; ${plural(counts.due, 'value')} in clear or under a previous key: run triage reseal`,
      };
    } finally {
      redis.disconnect();
    }
  } catch (error) {
    return { ok: false, name, detail: error instanceof Error ? error.message : String(error) };
  }
}
