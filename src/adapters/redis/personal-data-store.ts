import { randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-client.ts';
import type { Config } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import { readDataKeys } from '../../privacy/data-keys.ts';
import { PersonalData } from '../../privacy/personal-data.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';

/**
 * Opens how this installation keeps personal data: reads the data keys from the environment and the address key
 * from Redis — created once (SET NX, never expires: every keyed hash depends on it), stored sealed with the data
 * key when one is set, and sealed on the first start that has a key if it was stored in clear before.
 * `readOnly` (status, candidates, explain, export-person, check) writes nothing: without an address key yet there is
 * nothing hashed to find, and a throwaway key stands in.
 */
export async function openPersonalData(
  redis: RedisClient,
  keys: RedisKeys,
  security: Pick<Config['security'], 'dataKeyEnv'>,
  env: NodeJS.ProcessEnv = process.env,
  options: { readOnly?: boolean } = {},
): Promise<PersonalData> {
  const dataKeys = readDataKeys(security.dataKeyEnv, env);
  const redisKey = keys.addressKey();
  const clear = new PersonalData(dataKeys, Buffer.alloc(0));
  if (options.readOnly !== true)
    await redis.set(redisKey, clear.seal(randomBytes(32).toString('base64'), redisKey), 'NX');
  const stored = await redis.get(redisKey);
  if (stored === null) {
    if (options.readOnly === true) return new PersonalData(dataKeys, randomBytes(32));
    throw new TriageError('redis-unavailable', 'the address key vanished from Redis');
  }
  const addressKey = Buffer.from(clear.open(stored, redisKey), 'base64');
  if (options.readOnly !== true && clear.needsReseal(stored)) await reseal(redis, redisKey, stored, clear);
  return new PersonalData(dataKeys, addressKey);
}

// Seals (or seals again, with the current key) the stored address key, unless another process changed it first.
async function reseal(
  redis: RedisClient,
  redisKey: string,
  stored: string,
  personal: PersonalData,
): Promise<void> {
  const sealed = personal.seal(personal.open(stored, redisKey), redisKey);
  await runScript(redis, 'value-replace', redisKey, stored, sealed);
}
