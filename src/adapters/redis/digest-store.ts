import type { RedisClient } from './redis-client.ts';
import { runScript } from './redis-scripts.ts';
import type { ChangesSince, DigestState } from '../../ports/stage-stores.ts';
import type { RedisKeys } from './redis-keys.ts';

/** Digest watermarks: per supervisor and vacancy, the last change sequence number a sent digest reported. */
export class DigestStore implements DigestState {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** The supervisor's watermark per vacancy (0 before their first digest). */
  async watermarks(supervisorHash: string, vacancyIds: readonly string[]): Promise<Map<string, number>> {
    const values =
      vacancyIds.length > 0
        ? await this.redis.hmget(this.keys.digestWatermarks(supervisorHash), ...vacancyIds)
        : [];
    return new Map(vacancyIds.map((id, index) => [id, Number(values[index] ?? 0)]));
  }

  /** Candidates of a vacancy created or given new documents after `after`; new ones were created after it. */
  async changesSince(vacancyId: string, after: number): Promise<ChangesSince> {
    const entries = await this.redis.zrangebyscore(
      this.keys.changedCandidates(vacancyId),
      `(${after}`,
      '+inf',
      'WITHSCORES',
    );
    const ids: string[] = [];
    let upTo = after;
    for (let index = 0; index + 1 < entries.length; index += 2) {
      ids.push(entries[index] ?? '');
      upTo = Math.max(upTo, Number(entries[index + 1]));
    }
    const created =
      ids.length > 0 ? await this.redis.zmscore(this.keys.createdCandidates(vacancyId), ...ids) : [];
    const changed = ids.map((candidateId, index) => ({
      candidateId,
      isNew: Number(created[index] ?? 0) > after,
    }));
    return { changed, upTo };
  }

  /** Remembers the watermarks a digest run will set once it is sent (so a retry after the send can set them). */
  async savePending(runKey: string, marks: ReadonlyMap<string, number>): Promise<void> {
    await this.redis.set(this.keys.digestPending(runKey), JSON.stringify([...marks]), 'EX', 30 * 24 * 3600);
  }

  /** Moves the supervisor's watermarks to what the run saved, never backwards, and forgets the run's plan. */
  async applyPending(runKey: string, supervisorHash: string): Promise<void> {
    const saved = await this.redis.get(this.keys.digestPending(runKey));
    if (saved === null) return;
    const marks = JSON.parse(saved) as Array<[string, number]>;
    const args = marks.flatMap(([vacancy, seq]) => [vacancy, String(seq)]);
    if (args.length > 0)
      await runScript(this.redis, 'digest-advance', this.keys.digestWatermarks(supervisorHash), ...args);
    await this.redis.del(this.keys.digestPending(runKey));
  }
}
