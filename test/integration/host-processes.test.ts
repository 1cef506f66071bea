import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { daemonProcessId, HostProcesses } from '../../src/adapters/redis/host-processes.ts';
import { LeaseQuota } from '../../src/adapters/redis/lease-quota.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';

const prefix = uniquePrefix('host-processes');
const keys = redisKeys(prefix);
const redis = new Redis(REDIS_URL);
afterAll(async () => {
  await removePrefix(prefix);
  redis.disconnect();
});

describe('daemon processes on this machine, from the live-process set', () => {
  it('counts the daemons of this host that announce themselves, not those of other hosts', async () => {
    const { logger } = captureLogs();
    const quota = (owner: string) =>
      new LeaseQuota({ redis, keys, owner, mailboxes: 4, heartbeatMs: 30_000, logger });
    const here = [quota(daemonProcessId(101, 'aaaa')), quota(daemonProcessId(102, 'bbbb'))];
    const elsewhere = quota('another-host:103:cccc');
    for (const process of [...here, elsewhere]) await process.start();
    const host = new HostProcesses(redis, keys);
    await host.refresh();
    expect(host.count).toBe(2);
    await here[0]?.stop();
    await host.refresh();
    expect(host.count).toBe(1);
    host.stop();
    for (const process of [here[1], elsewhere]) await process?.stop();
  });
});
