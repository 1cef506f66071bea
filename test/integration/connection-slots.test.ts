import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ConnectionSlots } from '../../src/adapters/redis/connection-slots.ts';
import { LeaseQuota } from '../../src/adapters/redis/lease-quota.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { MailboxConfig } from '../../src/config/schema.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { waitFor } from '../support/wait-for.ts';

const prefix = uniquePrefix('slots');
const keys = redisKeys(prefix);
const redis = new Redis(REDIS_URL);
afterAll(async () => {
  await removePrefix(prefix);
  redis.disconnect();
});

function mailbox(id: string, maxConnections: number, leaseSeconds = 30): MailboxConfig {
  return { id, maxConnections, leaseSeconds } as MailboxConfig;
}

const open = (id: string) => redis.zcard(keys.connectionSlots(id));

describe('connection slots on a real Redis', () => {
  it('cap: with maxConnections 3, two workers and the watcher connect, a third worker is refused', async () => {
    const slots = new ConnectionSlots(redis, keys, 300);
    const box = mailbox('cap', 3);
    const workers = [await slots.acquire(box, 'worker'), await slots.acquire(box, 'flags')];
    const refused = await slots.acquire(box, 'worker').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'imap-unavailable', retryable: true });
    expect((refused as Error).message).toMatch(/maxConnections \(3, one of them kept for the watcher\)/);
    const watcher = await slots.acquire(box, 'watch');
    expect(await open('cap')).toBe(3);
    const second = await slots.acquire(box, 'watch').catch((error: unknown) => error);
    expect(second).toMatchObject({ code: 'imap-unavailable' });
    workers[0]?.release();
    workers[0]?.release();
    await waitFor('a slot back', async () => ((await open('cap')) === 2 ? true : undefined));
    expect(await open('cap')).toBe(2);
    const next = await slots.acquire(box, 'worker');
    expect(await open('cap')).toBe(3);
    for (const slot of [next, watcher, workers[1]]) slot?.release();
  });

  it('waiting: a worker refused at first gets the slot given back while it waits', async () => {
    const slots = new ConnectionSlots(redis, keys, 5_000);
    const box = mailbox('wait', 2);
    const held = await slots.acquire(box, 'worker');
    const waiting = slots.acquire(box, 'worker');
    await sleep(400);
    held.release();
    const slot = await waiting;
    expect(await open('wait')).toBe(1);
    slot.release();
  });

  it('dead-process: the slots of a process that stopped renewing lapse within leaseSeconds', async () => {
    const dying = new Redis(REDIS_URL);
    const box = mailbox('dead', 2, 2);
    await new ConnectionSlots(dying, keys).acquire(box, 'worker');
    dying.disconnect();
    const alive = new ConnectionSlots(redis, keys, 200);
    await expect(alive.acquire(box, 'worker')).rejects.toMatchObject({ code: 'imap-unavailable' });
    const slot = await waitFor('the dead slot lapsed', () => alive.acquire(box, 'worker'), 2_500);
    slot.release();
  });

  it('renewed: a slot held longer than leaseSeconds stays counted while its connection is open', async () => {
    const slots = new ConnectionSlots(redis, keys, 200);
    const box = mailbox('renewed', 2, 2);
    const slot = await slots.acquire(box, 'worker');
    await sleep(3_000);
    expect(await open('renewed')).toBe(1);
    await expect(slots.acquire(box, 'worker')).rejects.toMatchObject({ code: 'imap-unavailable' });
    expect(slot.lost.aborted).toBe(false);
    slot.release();
  });
});

describe('lease quota on a real Redis', () => {
  it('processes: each counts the live ones, a stopped one leaves at once, a dead one lapses', async () => {
    const { logger } = captureLogs();
    const quotaKeys = redisKeys(`${prefix}-quota`);
    const quota = (owner: string, client = redis) =>
      new LeaseQuota({ redis: client, keys: quotaKeys, owner, mailboxes: 8, heartbeatMs: 1_500, logger });
    const first = quota('first');
    await first.start();
    expect(first.share).toBe(8);
    const second = quota('second');
    await second.start();
    expect(second.share).toBe(4);
    await waitFor('first sees two', () => (first.share === 4 ? true : undefined));
    const dyingRedis = new Redis(REDIS_URL);
    const dying = quota('dying', dyingRedis);
    await dying.start();
    expect(dying.share).toBe(3);
    await waitFor('first sees three', () => (first.share === 3 ? true : undefined));
    dyingRedis.disconnect();
    await waitFor('the dead one lapsed', () => (first.share === 4 && second.share === 4 ? true : undefined));
    await second.stop();
    expect(await redis.zrange(quotaKeys.processes(), '0', '-1')).toEqual(['first']);
    await first.stop();
    await removePrefix(`${prefix}-quota`);
  });

  it('claims: a process takes leases up to its share and gives away what is above it', async () => {
    const { logger } = captureLogs();
    const quotaKeys = redisKeys(`${prefix}-claims`);
    const options = { redis, keys: quotaKeys, mailboxes: 4, heartbeatMs: 1_500, logger };
    const first = new LeaseQuota({ ...options, owner: 'first' });
    await first.start();
    expect(['a', 'b', 'c', 'd'].map((id) => first.claim(id))).toEqual([true, true, true, true]);
    const second = new LeaseQuota({ ...options, owner: 'second' });
    await second.start();
    await waitFor('first sees two', () => (first.share === 2 ? true : undefined));
    expect(['a', 'b', 'c', 'd'].map((id) => first.shouldGive(id))).toEqual([true, true, false, false]);
    expect(first.claim('a')).toBe(false);
    expect(['a', 'b', 'e'].map((id) => second.claim(id))).toEqual([true, true, false]);
    await first.stop();
    await second.stop();
    await removePrefix(`${prefix}-claims`);
  });
});
