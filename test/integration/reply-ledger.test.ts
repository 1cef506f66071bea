import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ReplyLedger } from '../../src/adapters/redis/reply-ledger.ts';
import { ReplyGuards } from '../../src/adapters/redis/reply-guards.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { loadReplyKey, readReplyKey } from '../../src/adapters/redis/reply-key-store.ts';
import { SENT_REPLY_TTL_MS, SentReplies } from '../../src/adapters/redis/sent-replies.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';

const prefix = uniquePrefix('ledger');
const personalData = () => openPersonalData(redis, redisKeys(prefix), { dataKeyEnv: 'TRIAGE_DATA_KEY' }, {});
const redis = new Redis(REDIS_URL);
const ledger = new ReplyLedger(redis);
afterAll(async () => {
  await removePrefix(prefix);
  redis.disconnect();
});

describe('reply ledger on a real Redis', () => {
  it('claimed by a dead attempt: taken over, and the dead attempt can no longer move it', async () => {
    const key = `${prefix}:reply:a`;
    expect(await ledger.claim(key, 'dead', '<m>')).toBe('claimed');
    expect(await ledger.claim(key, 'alive', '<m>')).toBe('claimed');
    expect(await ledger.markSending(key, 'dead')).toBe(false);
    expect(await ledger.markSending(key, 'alive')).toBe(true);
    expect(await ledger.markSent(key, 'alive')).toBe(true);
    expect(await ledger.claim(key, 'later', '<m>')).toBe('sent');
  });

  it('sending left by a dead attempt is never claimed again', async () => {
    const key = `${prefix}:reply:b`;
    await ledger.claim(key, 'dead', '<m>');
    await ledger.markSending(key, 'dead');
    expect(await ledger.claim(key, 'retry', '<m>')).toBe('unconfirmed');
    expect(await ledger.claim(key, 'retry-2', '<m>')).toBe('unconfirmed');
  });

  it('released after a certain refusal, so a retry may send; failed stays failed', async () => {
    const key = `${prefix}:reply:c`;
    await ledger.claim(key, 'one', '<m>');
    await ledger.markSending(key, 'one');
    expect(await ledger.release(key, 'one', '451 later')).toBe(true);
    expect(await ledger.claim(key, 'two', '<m>')).toBe('claimed');
    await ledger.markSending(key, 'two');
    expect(await ledger.markFailed(key, 'two', '550 no such user')).toBe(true);
    expect(await ledger.claim(key, 'three', '<m>')).toBe('failed');
  });

  it('the per-address window counts a retried reply once and stops at the limit', async () => {
    const guards = new ReplyGuards(redis, redisKeys(prefix), await personalData());
    const now = new Date();
    const hour = 3600_000;
    const max = { address: 2, domain: 100 };
    const reserve = (address: string, id: string, at = now) =>
      guards.reserveReply(address, id, at, hour, max).then((counts) => counts.address);
    expect(await reserve('x@example.org', '<r1>')).toBe(0);
    expect(await reserve('x@example.org', '<r1>')).toBe(0);
    expect(await reserve('x@example.org', '<r2>')).toBe(1);
    expect(await reserve('x@example.org', '<r3>')).toBe(2);
    expect(await reserve('X@Example.org', '<r3>', new Date(now.getTime() + 2 * hour))).toBe(0);
  });

  it('the per-domain window counts replies to every address of the domain, and a refused one in neither window', async () => {
    const guards = new ReplyGuards(redis, redisKeys(prefix), await personalData());
    const now = new Date();
    const max = { address: 5, domain: 2 };
    const reserve = (address: string, id: string) => guards.reserveReply(address, id, now, 3600_000, max);
    expect(await reserve('a@target.example', '<d1>')).toEqual({ address: 0, domain: 0 });
    expect(await reserve('b@target.example', '<d2>')).toEqual({ address: 0, domain: 1 });
    expect(await reserve('c@target.example', '<d3>')).toEqual({ address: 0, domain: 2 });
    // <d3> was refused by the domain window, so the address window did not count it either.
    expect(await reserve('c@target.example', '<d4>')).toEqual({ address: 0, domain: 2 });
    expect(await reserve('a@other.example', '<d5>')).toEqual({ address: 0, domain: 0 });
    expect(await reserve('b@target.example', '<d2>')).toEqual({ address: 0, domain: 1 });
  });

  it('a recipient answers for one applicant per scope, for good', async () => {
    const guards = new ReplyGuards(redis, redisKeys(prefix), await personalData());
    expect(await guards.claimRecipient('robust-ai', 'Third@Party.example', 'a@example.org')).toBe(true);
    expect(await guards.claimRecipient('robust-ai', 'third@party.example', 'A@example.org')).toBe(true);
    expect(await guards.claimRecipient('robust-ai', 'third@party.example', 'b@example.org')).toBe(false);
    expect(await guards.recipientTaken('robust-ai', 'third@party.example', 'b@example.org')).toBe(true);
    expect(await guards.claimRecipient('med-imaging', 'third@party.example', 'b@example.org')).toBe(true);
  });

  it('the sent-reply record maps each Message-ID to its recipient, for 90 days', async () => {
    const keys = redisKeys(prefix);
    const sent = new SentReplies(redis, keys, await personalData());
    await sent.record('<triage-reply.0123456789abcdef01234567@uni.example>', 'Jane@Example.org');
    const found = await sent.recipientsOf([
      '<TRIAGE-REPLY.0123456789abcdef01234567@Uni.example>',
      '<triage-reply.ffffffffffffffffffffffff@uni.example>',
    ]);
    expect([...found.values()]).toEqual([sent.identify('jane@example.org'), null]);
    const [key] = await redis.keys(`${prefix}:sent-reply:*`);
    // The record holds the recipient's keyed hash, never the address.
    expect(await redis.get(key ?? '')).toBe(sent.identify('JANE@example.org'));
    const ttl = await redis.pttl(key ?? '');
    expect(ttl).toBeGreaterThan(SENT_REPLY_TTL_MS - 60_000);
    expect(SENT_REPLY_TTL_MS).toBe(90 * 24 * 3600_000);
  });

  it('without a secret, the reply token key is created once in Redis and the same after a restart', async () => {
    const keys = redisKeys(prefix);
    expect(await readReplyKey(redis, keys, undefined)).toBeNull();
    const first = await loadReplyKey(redis, keys, undefined);
    const again = await loadReplyKey(redis, keys, undefined);
    expect(first).toHaveLength(32);
    expect(again.equals(first)).toBe(true);
    expect((await readReplyKey(redis, keys, undefined))?.equals(first)).toBe(true);
    expect(await redis.pttl(keys.replyTokenKey())).toBe(-1);
    const fromSecret = await loadReplyKey(redis, keys, 'a-long-enough-secret');
    expect(fromSecret.equals(first)).toBe(false);
  });
});
