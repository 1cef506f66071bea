import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { CandidateStore } from '../../src/adapters/redis/candidate-store.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { ReplyGuards } from '../../src/adapters/redis/reply-guards.ts';
import { ReplyLedger } from '../../src/adapters/redis/reply-ledger.ts';
import { SentReplies } from '../../src/adapters/redis/sent-replies.ts';
import { shortHash } from '../../src/domain/short-hash.ts';
import { candidateReplyLedgerKey, legacyReplyLedgerKey } from '../../src/stages/replies/run-reply.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';

const redis = new Redis(REDIS_URL);
const prefix = uniquePrefix('legacy');
const keys = redisKeys(prefix);
const EMAIL = 'amara.o@example.net';

afterAll(async () => {
  await removePrefix(prefix);
  redis.disconnect();
});

// An installation upgraded from a version that kept addresses in clear or under an unkeyed hash keeps its promises.
describe('stores written before addresses were hashed with the installation key', () => {
  it('the acknowledgement sent under the unkeyed hash is adopted: it is never sent again', async () => {
    const personal = await openPersonalData(redis, keys, { dataKeyEnv: 'TRIAGE_DATA_KEY' }, {});
    const ledgerKeys = { ...keys, addressHash: (address: string) => personal.hashAddress(address) };
    const legacy = legacyReplyLedgerKey(keys, 'robust-ai', EMAIL, 'acknowledgement');
    expect(legacy).toBe(`${prefix}:reply:robust-ai:${shortHash(EMAIL)}:acknowledgement`);
    await redis.hset(legacy, 'state', 'sent', 'owner', 'old', 'messageId', '<old@uni.example>');
    const ledger = new ReplyLedger(redis);
    const key = candidateReplyLedgerKey(ledgerKeys, 'robust-ai', EMAIL, 'acknowledgement');
    expect(await ledger.adopt(key, legacy)).toBe(true);
    expect(await ledger.claim(key, 'new', '<new@uni.example>')).toBe('sent');
    expect(await redis.exists(legacy)).toBe(0);
    expect(await ledger.adopt(key, legacy)).toBe(false);
  });

  it('a candidate indexed by the clear address is found, and re-indexed by keyed hash when saved', async () => {
    const personal = await openPersonalData(redis, keys, { dataKeyEnv: 'TRIAGE_DATA_KEY' }, {});
    await redis.hset(keys.candidateByAddress('robust-ai'), EMAIL, 'robust-ai-0123456789ab');
    const store = new CandidateStore(redis, keys, personal);
    expect(await store.findByAddress('robust-ai', 'Amara.O@example.net')).toBe('robust-ai-0123456789ab');
  });

  it('a bounce suppression and a sent-reply record kept in clear still count', async () => {
    const personal = await openPersonalData(redis, keys, { dataKeyEnv: 'TRIAGE_DATA_KEY' }, {});
    const until = new Date(Date.now() + 3600_000).toISOString();
    await redis.hset(keys.bounced(), EMAIL, until);
    expect(await new ReplyGuards(redis, keys, personal).isBounced(EMAIL, new Date())).toBe(true);
    const sent = new SentReplies(redis, keys, personal);
    const id = '<triage-reply.0123456789abcdef01234567@uni.example>';
    await redis.set(keys.sentReply(shortHash(id, 32)), EMAIL);
    expect((await sent.recipientsOf([id])).get(id)).toBe(sent.identify(EMAIL));
  });
});
