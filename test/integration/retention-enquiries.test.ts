import { describe, expect, it } from 'vitest';
import { EnquiryStore } from '../../src/adapters/redis/enquiry-store.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

describe('retention of the enquiry log', () => {
  it('a running daemon removes enquiries older than the top-level period and keeps the recent ones', async () => {
    const overrides = { retention: { months: 1, checkSeconds: 1 } };
    const { config, prefix } = await setup('retention-enquiries', overrides);
    const keys = redisKeys(prefix);
    const log = new EnquiryStore(
      servers.redis,
      keys,
      await openPersonalData(servers.redis, keys, config.security),
    );
    const entry = {
      kind: 'enquiry',
      status: 'sent',
      to: 'kofi.mensah@example.net',
      detail: '<r@uni.example>',
    };
    await log.record('chen', '<old@example.net>', { ...entry, at: '2020-03-01T10:00:00.000Z' });
    await log.record('chen', '<new@example.net>', { ...entry, at: new Date().toISOString() });
    await start(config);
    const audited = await waitFor('the enquiry log purged', async () => {
      const trail = await servers.redis.lrange(keys.privacyAudit(), 0, -1);
      return trail.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.enquiries);
    });
    expect(audited).toMatchObject({ action: 'retention-enquiries', enquiries: 1 });
    expect([...(await log.entries('chen')).keys()]).toEqual(['<new@example.net>']);
  });
});
