import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ReplyLedger } from '../../src/adapters/redis/reply-ledger.ts';
import { ReplyGuards } from '../../src/adapters/redis/reply-guards.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';

const prefix = uniquePrefix('ledger');
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
    const guards = new ReplyGuards(redis, redisKeys(prefix));
    const now = new Date();
    const hour = 3600_000;
    expect(await guards.reserveReply('x@example.org', '<r1>', now, hour, 2)).toBe(0);
    expect(await guards.reserveReply('x@example.org', '<r1>', now, hour, 2)).toBe(0);
    expect(await guards.reserveReply('x@example.org', '<r2>', now, hour, 2)).toBe(1);
    expect(await guards.reserveReply('x@example.org', '<r3>', now, hour, 2)).toBe(2);
    expect(
      await guards.reserveReply('X@Example.org', '<r3>', new Date(now.getTime() + 2 * hour), hour, 2),
    ).toBe(0);
  });
});
