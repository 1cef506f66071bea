import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unpackText } from '../../src/adapters/redis/compact-text.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { isSealed } from '../../src/auth/token-cipher.ts';
import { checkPersonalData } from '../../src/cli/check-personal-data.ts';
import { runReseal } from '../../src/cli/run-reseal.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();
const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('base64');

afterEach(() => {
  vi.unstubAllEnvs();
});

async function quietly(work: () => Promise<void>): Promise<string> {
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await work();
  } finally {
    write.mockRestore();
  }
  return printed.join('');
}

describe('encryption at rest: setting a data key, resealing, rotating it', () => {
  it('a store kept in clear is sealed by reseal, and again under a rotated key; check says what is due', async () => {
    vi.stubEnv('TRIAGE_DATA_KEY', '');
    const { mail, config, store, prefix } = await setup('reseal');
    await start(config);
    await mail.append(await buildMail({ messageId: '<reseal-1@example.org>' }));
    const [jane] = await waitFor('the candidate', async () => {
      const all = await store.list(['robust-ai']);
      return all.length === 1 ? all : undefined;
    });
    const recordKey = redisKeys(prefix).candidate(jane?.id ?? '');
    // In clear (deflated, which is no protection): the name is there for anyone who inflates it.
    expect(unpackText((await servers.redis.get(recordKey)) ?? '')).toContain('Jane Doe');
    expect(await checkPersonalData(config)).toMatchObject({ ok: true, warning: true });

    vi.stubEnv('TRIAGE_DATA_KEY', KEY_A);
    expect((await checkPersonalData(config)).detail).toMatch(/1 value in clear or under a previous key/);
    expect(await quietly(() => runReseal(config))).toMatch(
      /^1 value sealed with the key \w+ of TRIAGE_DATA_KEY/,
    );
    expect(isSealed((await servers.redis.get(recordKey)) ?? '')).toBe(true);
    const sealed = await checkPersonalData(config);
    expect(sealed.ok && !sealed.warning).toBe(true);
    expect(sealed.detail).toMatch(/1 value sealed$/);

    // Rotation: the new key, the old one as previous until reseal has run; then the old one is not needed.
    vi.stubEnv('TRIAGE_DATA_KEY', KEY_B);
    vi.stubEnv('TRIAGE_DATA_KEY_PREVIOUS', KEY_A);
    expect((await checkPersonalData(config)).warning).toBe(true);
    await quietly(() => runReseal(config));
    vi.stubEnv('TRIAGE_DATA_KEY_PREVIOUS', '');
    const reopened = await openCandidateStore(servers.redis, prefix);
    expect(await reopened.get(jane?.id ?? '')).toMatchObject({ name: 'Jane Doe' });

    // A process with the old key only cannot read it, and says which key it needs.
    vi.stubEnv('TRIAGE_DATA_KEY', KEY_A);
    const refused = await checkPersonalData(config);
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/sealed with the key \w+, which TRIAGE_DATA_KEY \(\w+\)/);
  });
});
