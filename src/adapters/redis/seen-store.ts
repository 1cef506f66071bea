import type { Redis } from 'ioredis';

/** What became of a message, remembered by its message key so a rescan does not process it again. */
export interface SeenSummary {
  kind: string;
  vacancy: string | null;
  candidateId: string | null;
  at: string;
}

/** Remembers that a message of a mailbox was processed. */
export async function markSeen(
  redis: Redis,
  key: string,
  messageKey: string,
  summary: SeenSummary,
): Promise<void> {
  await redis.hset(key, messageKey, JSON.stringify(summary));
}

/** For each message key, whether it was processed before. */
export async function wereSeen(
  redis: Redis,
  key: string,
  messageKeys: readonly string[],
): Promise<boolean[]> {
  if (messageKeys.length === 0) return [];
  const found = await redis.hmget(key, ...messageKeys);
  return found.map((value) => value !== null);
}
