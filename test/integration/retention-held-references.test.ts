import { describe, expect, it } from 'vitest';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { ReferenceHoldStore } from '../../src/adapters/redis/reference-hold-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { HeldReference } from '../../src/candidates/held-reference.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

/** A referee's letter held for `robust-ai` (or any vacancy), received at `receivedAt`, that found no applicant. */
function heldLetter(key: string, vacancy: string | null, receivedAt: string): HeldReference {
  return {
    key,
    mailbox: 'chen',
    uidValidity: '1',
    uid: 7,
    messageId: key,
    subject: 'Reference for Priya Raman',
    receivedAt,
    referee: { name: 'Prof. Marco Bianchi', address: 'bianchi@univ.example' },
    vacancy,
    names: ['Priya Raman'],
    addresses: [],
    threadIds: [],
    evidence: 'subject names a reference',
    noReply: null,
    documents: [],
  };
}

describe("retention of referees' held letters", () => {
  it('a running daemon removes letters held past their period and keeps the recent ones, with a count audited', async () => {
    const overrides = { retention: { months: 1, checkSeconds: 1 } };
    const { config, prefix } = await setup('retention-held-references', overrides);
    const keys = redisKeys(prefix);
    const holds = new ReferenceHoldStore(
      servers.redis,
      keys,
      await openPersonalData(servers.redis, keys, config.security),
    );
    await holds.hold(heldLetter('<old-vacancy@univ.example>', 'robust-ai', '2020-03-01T10:00:00.000Z'));
    await holds.hold(heldLetter('<old-any@univ.example>', null, '2020-03-01T10:00:00.000Z'));
    await holds.hold(heldLetter('<new@univ.example>', 'robust-ai', new Date().toISOString()));
    await start(config);
    const audited = await waitFor('the held letters purged', async () => {
      const trail = await servers.redis.lrange(keys.privacyAudit(), 0, -1);
      return trail.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.references);
    });
    expect(audited).toMatchObject({ action: 'retention-references', references: 2 });
    expect((await holds.held('chen')).map((held) => held.key)).toEqual(['<new@univ.example>']);
  });
});
