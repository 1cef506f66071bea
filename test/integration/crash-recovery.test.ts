import { once } from 'node:events';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { spawnCli } from '../support/run-cli.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

let dovecot: DovecotServer;
let dir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  dir = await mkdtemp(path.join(tmpdir(), 'triage-crash-'));
});

afterAll(async () => {
  for (const prefix of prefixes) await removePrefix(prefix);
  await rm(dir, { recursive: true, force: true });
  await dovecot.stop();
});

/** A config file for one mailbox of `login`; replies go nowhere (these tests look at filing). */
async function writeConfig(
  name: string,
  login: { user: string; pass: string },
): Promise<{ config: string; prefix: string }> {
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  const config = path.join(dir, `${name}.yaml`);
  const imap = { host: dovecot.host, port: dovecot.port, ...login };
  const raw = rawTestConfig(
    { imap, smtpPort: 1, prefix },
    {
      vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors: ['chen@uni.example'] }],
      workers: { concurrency: 2, stalledSeconds: 3 },
      log: undefined,
    },
  );
  await writeFile(config, JSON.stringify(raw));
  return { config, prefix };
}

describe('kill -9 in the middle of a backlog', () => {
  it('loses nothing and records nothing twice after a restart', async () => {
    const login = await dovecot.createUser('crash');
    const { config, prefix } = await writeConfig('backlog', login);
    const mail = await openImapTestClient(dovecot, login);
    const count = 40;
    for (let index = 0; index < count; index += 1) {
      await mail.append(
        await buildMail({
          messageId: `<crash-${index}@example.org>`,
          from: `A${index} <a${index}@example.org>`,
        }),
      );
    }
    const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}robust-ai`;
    const first = spawnCli(['--config', config, 'start']);
    await waitFor('some filed', async () => ((await mail.messageIds(filed)).length >= 3 ? true : undefined));
    first.kill('SIGKILL');
    await once(first, 'exit');
    const filedAtKill = (await mail.messageIds(filed)).length;

    const second = spawnCli(['--config', config, 'start']);
    await waitFor(
      'all filed',
      async () => ((await mail.messageIds(filed)).length === count ? true : undefined),
      60_000,
    );
    second.kill('SIGTERM');
    await once(second, 'exit');

    const redis = new Redis(REDIS_URL);
    const candidates = await (await openCandidateStore(redis, prefix)).list(['robust-ai']);
    redis.disconnect();
    const inbox = await mail.messageIds('INBOX');
    await mail.close();
    expect(filedAtKill).toBeLessThan(count);
    expect(candidates).toHaveLength(count);
    expect(candidates.every((candidate) => candidate.messages.length === 1)).toBe(true);
    expect(candidates.every((candidate) => candidate.messages[0]?.filedTo === filed)).toBe(true);
    expect(inbox).toEqual([]);
  });

  it('near-misses-under-kill: every near miss is filed for review once, every application with its vacancy', async () => {
    const login = await dovecot.createUser('crash-review');
    const { config, prefix } = await writeConfig('backlog-review', login);
    const mail = await openImapTestClient(dovecot, login);
    const count = 24;
    for (let index = 0; index < count; index += 1) {
      await mail.append(
        await buildMail({
          messageId: `<crash-review-${index}@example.org>`,
          from: `A${index} <a${index}@example.org>`,
          // Every other one carries the tag with a stray suffix: a near miss with a CV.
          subject: index % 2 === 0 ? '[PHD-robustAI] Application' : '[PHD-robustAI2] Application',
        }),
      );
    }
    const delimiter = mail.client.namespace?.delimiter ?? '/';
    const filed = `Applications${delimiter}robust-ai`;
    const review = `Applications${delimiter}_review`;
    const moved = async () => (await mail.messageIds(filed)).length + (await mail.messageIds(review)).length;
    const first = spawnCli(['--config', config, 'start']);
    await waitFor('some moved', async () => ((await moved()) >= 3 ? true : undefined));
    first.kill('SIGKILL');
    await once(first, 'exit');
    const movedAtKill = await moved();

    const second = spawnCli(['--config', config, 'start']);
    await waitFor('all moved', async () => ((await moved()) === count ? true : undefined), 60_000);
    second.kill('SIGTERM');
    await once(second, 'exit');

    const redis = new Redis(REDIS_URL);
    const records = await (await openCandidateStore(redis, prefix)).list(['robust-ai']);
    redis.disconnect();
    const inReview = await mail.messageIds(review);
    const applications = await mail.messageIds(filed);
    await mail.close();
    expect(movedAtKill).toBeLessThan(count);
    expect(records).toHaveLength(count);
    expect(records.every((record) => record.messages.length === 1)).toBe(true);
    const nearMisses = records.filter((record) => record.messages[0]?.match === 'near-miss');
    expect(nearMisses).toHaveLength(count / 2);
    expect(nearMisses.every((record) => record.messages[0]?.filedTo === review)).toBe(true);
    expect(nearMisses.every((record) => record.acknowledges === null)).toBe(true);
    expect(new Set(inReview).size).toBe(count / 2);
    expect(inReview).toHaveLength(count / 2);
    expect(applications).toHaveLength(count / 2);
  }, 120_000);

  it('takes up a message again however often the process working on it was killed', async () => {
    const login = await dovecot.createUser('stalls');
    const { config } = await writeConfig('stalls', login);
    const mail = await openImapTestClient(dovecot, login);
    await mail.append(await buildMail({ messageId: '<stalls@example.org>' }));
    for (let crash = 0; crash < 3; crash += 1) {
      const crashing = spawnCli(['--config', config, 'start'], { TRIAGE_FAULT_POINT: 'ingest-after-fetch' });
      const [, signal] = (await once(crashing, 'exit')) as [number | null, string | null];
      expect(signal).toBe('SIGKILL');
    }
    const healthy = spawnCli(['--config', config, 'start']);
    const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}robust-ai`;
    await waitFor(
      'filed',
      async () => ((await mail.messageIds(filed)).length === 1 ? true : undefined),
      60_000,
    );
    healthy.kill('SIGTERM');
    await once(healthy, 'exit');
    await mail.close();
  }, 120_000);
});
