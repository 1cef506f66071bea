import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CandidateTransfers } from '../../src/adapters/redis/candidate-transfers.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { CandidateStore } from '../../src/adapters/redis/candidate-store.ts';
import type { IncomingApplication } from '../../src/candidates/merge-candidate.ts';
import { planMerge } from '../../src/operator/merge-candidates.ts';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { messageRecord } from '../support/records.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';

let redis: Redis;
const prefixes: string[] = [];

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});

afterEach(async () => {
  for (const prefix of prefixes.splice(0)) await removePrefix(prefix);
});

afterAll(() => {
  redis.disconnect();
});

const VACANCY = { id: 'robust-ai', required: ['cv' as const] };

function application(key: string, address: string, receivedAt: string): IncomingApplication {
  return {
    message: messageRecord(key, receivedAt, { sender: address }),
    applicant: { name: 'Jane Doe', address },
    documents: [],
    flags: [],
  };
}

async function world(): Promise<{ store: CandidateStore; transfers: CandidateTransfers; prefix: string }> {
  const prefix = uniquePrefix('transfers');
  prefixes.push(prefix);
  const keys = redisKeys(prefix);
  const personal = await openPersonalData(redis, keys, { dataKeyEnv: 'TRIAGE_DATA_KEY' }, {});
  return {
    store: await openCandidateStore(redis, prefix, {}),
    transfers: new CandidateTransfers(redis, keys, personal),
    prefix,
  };
}

describe('CandidateTransfers against real Redis', () => {
  it('a merge that races the daemon merging new mail into the kept candidate loses nothing: it is planned again', async () => {
    const { store, transfers, prefix } = await world();
    const kept = await store.upsert(
      VACANCY,
      application('<a@x>', 'jane@uni.example', '2026-03-01T10:00:00.000Z'),
      null,
    );
    const other = await store.upsert(
      VACANCY,
      application('<b@x>', 'jane@mail.example', '2026-03-02T10:00:00.000Z'),
      null,
    );
    let plans = 0;
    const done = await transfers.transfer(other.record.id, kept.record.id, async ({ source, target }) => {
      plans += 1;
      // The first time, the daemon merges her next message between the command's read and its write.
      if (plans === 1)
        await store.upsert(
          VACANCY,
          application('<c@x>', 'jane@uni.example', '2026-03-03T10:00:00.000Z'),
          null,
        );
      if (target === null) throw new Error('no target');
      const plan = planMerge(source, target, VACANCY.required, '2026-03-04T10:00:00.000Z');
      return {
        sourceId: source.id,
        source: null,
        target: plan.record,
        addresses: [target.email, source.email],
        threadIds: plan.threadIds,
        moved: [],
      };
    });
    expect(plans).toBe(2);
    expect(done?.target.messages.map((message) => message.key)).toEqual(['<a@x>', '<b@x>', '<c@x>']);
    const stored = await store.list(['robust-ai']);
    expect(stored.map((record) => [record.id, record.messages.length])).toEqual([[kept.record.id, 3]]);
    expect(await store.get(other.record.id)).toBeNull();
    // Her second address and the removed candidate's thread now lead to the kept one.
    expect(await store.findByAddress('robust-ai', 'jane@mail.example')).toBe(kept.record.id);
    expect(await store.findByThread(['<b@x>'])).toEqual({
      vacancy: 'robust-ai',
      candidateId: kept.record.id,
    });
    const keys = redisKeys(prefix);
    expect(await redis.zrange(keys.changedCandidates('robust-ai'), '0', '-1')).toEqual([kept.record.id]);
  });

  it('a source already removed (merged by another operator): nothing is written', async () => {
    const { store, transfers } = await world();
    const kept = await store.upsert(
      VACANCY,
      application('<a@x>', 'jane@uni.example', '2026-03-01T10:00:00.000Z'),
      null,
    );
    const done = await transfers.transfer('robust-ai-gone00000000', kept.record.id, () => {
      throw new Error('not planned');
    });
    expect(done).toBeNull();
    expect((await store.get(kept.record.id))?.messages).toHaveLength(1);
  });
});
