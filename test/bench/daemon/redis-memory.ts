import type { Redis } from 'ioredis';
import { STAGE_NAMES } from '../../../src/runtime/stage-workers.ts';

/** Redis memory of one run's prefix, by what the keys hold (MEMORY USAGE: value, key and overhead). */
export interface RedisMemory {
  keys: number;
  /** Candidate records found. */
  candidates: number;
  totalBytes: number;
  /** The candidate records (`<prefix>:candidate:<id>`). */
  candidateBytes: number;
  /** BullMQ's keys: jobs (kept after completion), their lists, events and locks. */
  queueBytes: number;
  /** Indexes, ledgers, the seen set, cursors, leases… */
  otherBytes: number;
}

const QUEUE_PARTS = new Set<string>(STAGE_NAMES);
const SCAN_COUNT = 1000;

/** Sums MEMORY USAGE over every key of the prefix. */
export async function measureRedisMemory(redis: Redis, prefix: string): Promise<RedisMemory> {
  const memory: RedisMemory = {
    keys: 0,
    candidates: 0,
    totalBytes: 0,
    candidateBytes: 0,
    queueBytes: 0,
    otherBytes: 0,
  };
  const seen = new Set<string>();
  for await (const found of scanPrefix(redis, prefix)) {
    // SCAN may return a key twice.
    const keys = found.filter((key) => !seen.has(key));
    for (const key of keys) seen.add(key);
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.memory('USAGE', key, 'SAMPLES', 0);
    const results = (await pipeline.exec()) ?? [];
    keys.forEach((key, index) => {
      const bytes = Number(results[index]?.[1] ?? 0);
      const part = key.slice(prefix.length + 1).split(':')[0] ?? '';
      memory.keys += 1;
      memory.totalBytes += bytes;
      if (part === 'candidate') {
        memory.candidates += 1;
        memory.candidateBytes += bytes;
      } else if (QUEUE_PARTS.has(part)) memory.queueBytes += bytes;
      else memory.otherBytes += bytes;
    });
  }
  return memory;
}

/** Deletes every key of the prefix (never FLUSHDB: the Redis may be shared). */
export async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of scanPrefix(redis, prefix)) if (keys.length > 0) await redis.unlink(...keys);
}

async function* scanPrefix(redis: Redis, prefix: string): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', SCAN_COUNT);
    cursor = next;
    if (keys.length > 0) yield keys;
  } while (cursor !== '0');
}
