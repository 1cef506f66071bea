import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { isSealed } from '../../auth/token-cipher.ts';
import type { Config } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import { readDataKeys, type DataKeys } from '../../privacy/data-keys.ts';
import { PersonalData } from '../../privacy/personal-data.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/**
 * Opens how this installation keeps personal data: reads the data keys from the environment and the address key
 * from Redis — created once (SET NX, never expires: every keyed hash depends on it), stored sealed with the data
 * key when one is set, and sealed on the first start that has a key if it was stored in clear before.
 */
export async function openPersonalData(
  redis: Redis,
  keys: RedisKeys,
  security: Pick<Config['security'], 'dataKeyEnv'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PersonalData> {
  const dataKeys = readDataKeys(security.dataKeyEnv, env);
  const redisKey = keys.addressKey();
  const clear = new PersonalData(dataKeys, Buffer.alloc(0));
  await redis.set(redisKey, clear.seal(randomBytes(32).toString('base64'), redisKey), 'NX');
  const stored = await redis.get(redisKey);
  if (stored === null) throw new TriageError('redis-unavailable', 'the address key vanished from Redis');
  const addressKey = Buffer.from(clear.open(stored, redisKey), 'base64');
  if (clear.needsReseal(stored)) await reseal(redis, redisKey, stored, clear);
  return new PersonalData(dataKeys, addressKey);
}

/** The data keys of the configuration and whether the address key in Redis is sealed (for `check`). */
export async function readAddressKeyState(
  redis: Redis,
  keys: RedisKeys,
  dataKeys: DataKeys,
): Promise<'absent' | 'clear' | 'sealed'> {
  const stored = await redis.get(keys.addressKey());
  if (stored === null) return 'absent';
  if (isSealed(stored)) new PersonalData(dataKeys, Buffer.alloc(0)).open(stored, keys.addressKey());
  return isSealed(stored) ? 'sealed' : 'clear';
}

// Seals (or seals again, with the current key) the stored address key, unless another process changed it first.
async function reseal(redis: Redis, redisKey: string, stored: string, personal: PersonalData): Promise<void> {
  const sealed = personal.seal(personal.open(stored, redisKey), redisKey);
  await runScript(redis, 'value-replace', redisKey, stored, sealed);
}
