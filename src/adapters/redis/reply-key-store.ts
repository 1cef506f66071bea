import { randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-client.ts';
import { replyKeyFromSecret } from '../../domain/reply-token.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { RedisKeys } from './redis-keys.ts';

/**
 * The key replies' body tokens are signed with: derived from `security.secret` when set; else a random key
 * created once per installation in Redis (SET NX, no expiry), so that it survives restarts and is the same in
 * every process sharing the Redis.
 */
export async function loadReplyKey(
  redis: RedisClient,
  keys: RedisKeys,
  secret: string | undefined,
): Promise<Buffer> {
  if (secret !== undefined) return replyKeyFromSecret(secret);
  await redis.set(keys.replyTokenKey(), randomBytes(32).toString('hex'), 'NX');
  const stored = await readStoredKey(redis, keys);
  if (stored === null) throw new TriageError('redis-unavailable', 'the reply token key vanished from Redis');
  return stored;
}

/** The key as loadReplyKey gives it, read only: null when there is no secret and none was created yet. */
export async function readReplyKey(
  redis: RedisClient | null,
  keys: RedisKeys,
  secret: string | undefined,
): Promise<Buffer | null> {
  if (secret !== undefined) return replyKeyFromSecret(secret);
  return redis ? readStoredKey(redis, keys) : null;
}

async function readStoredKey(redis: RedisClient, keys: RedisKeys): Promise<Buffer | null> {
  const hex = await redis.get(keys.replyTokenKey());
  return hex ? Buffer.from(hex, 'hex') : null;
}
