import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { isSealed } from '../../src/auth/token-cipher.ts';
import { runForget } from '../../src/cli/run-forget.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { scanPrefix } from '../support/scan-prefix.ts';
import { waitFor, waitForFinishedJob } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();
const JANE = 'jane.doe@example.org';
let exportDir: string;

beforeAll(async () => {
  // The daemon in this process seals candidate records with this key, as in production.
  vi.stubEnv('TRIAGE_DATA_KEY', randomBytes(32).toString('base64'));
  exportDir = await mkdtemp(path.join(tmpdir(), 'triage-forget-'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(exportDir, { recursive: true, force: true });
});

/** Runs `forget` as the CLI does, and returns what it printed. */
async function forget(config: Parameters<typeof runForget>[0], options: Parameters<typeof runForget>[2]) {
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await runForget(config, JANE.toUpperCase(), options);
  } finally {
    write.mockRestore();
  }
  return printed.join('');
}

const repliesTo = (address: string) =>
  servers.sink.messages.filter((message) => message.to.includes(address)).length;

describe('forget: erasure on request, against real Dovecot, Redis and an SMTP sink', () => {
  it('removes a person everywhere, keeps only keyed hashes, and their later mail gets no second acknowledgement', async () => {
    const { mail, config, store, filed, prefix } = await setup('forget', { export: { dir: exportDir } });
    await start(config);
    await mail.append(await buildMail({ messageId: '<jane-1@example.org>' }));
    await mail.append(
      await buildMail({ messageId: '<kofi-1@example.net>', from: '"Kofi Mensah" <kofi.mensah@example.net>' }),
    );
    await waitFor('both acknowledged', () =>
      repliesTo(JANE) === 1 && repliesTo('kofi.mensah@example.net') === 1 ? true : undefined,
    );
    await waitForMessage(mail, filed, '<jane-1@example.org>');
    const [jane] = (await store.list(['robust-ai'])).filter((candidate) => candidate.email === JANE);
    const keys = redisKeys(prefix);

    // Encrypted at rest: the record's DUMP (what an RDB file holds) has neither the name nor the address.
    const dump = (await servers.redis.dumpBuffer(keys.candidate(jane?.id ?? ''))).toString('latin1');
    expect(dump.length).toBeGreaterThan(100);
    // The name as written and the address: a space and '@' never occur in the base64url ciphertext by chance.
    expect(dump).not.toMatch(/Jane Doe|jane\.doe@/i);
    // Sealed, not merely packed (a deflated record would hide the name too).
    expect(isSealed((await servers.redis.get(keys.candidate(jane?.id ?? ''))) ?? '')).toBe(true);
    // Exported documents are the applicant's own: owner-only.
    const folder = path.join(exportDir, jane?.id ?? '');
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const [file] = await readdir(folder);
    expect((await stat(path.join(folder, file ?? ''))).mode & 0o777).toBe(0o600);

    const dryRun = await forget(config, { dryRun: true, mail: true });
    expect(dryRun).toContain('Would remove what is held about jane.doe@example.org:');
    expect(dryRun).toContain('1 candidate record (robust-ai), with 1 message and 1 document');
    expect(dryRun).toContain('1 filed message to delete');
    expect(await store.get(jane?.id ?? '')).not.toBeNull();

    const done = await forget(config, { dryRun: false, mail: true });
    expect(done).toContain('Removed what is held about jane.doe@example.org:');
    expect(done).toContain('1 folder of exported documents');
    expect(done).toContain('1 filed message deleted from the mailbox');
    expect(done).toMatch(/Kept as keyed hashes only \(no address\): 1 reply-ledger entry/);

    // Nowhere under the prefix — records, indexes, queues, logs of replies — is the address or the name in clear.
    const everything = await scanPrefix(servers.redis, prefix);
    for (const [key, content] of everything) {
      expect(`${key} ${content}`, key).not.toMatch(/jane\.doe|Jane Doe|Jane_Doe/i);
    }
    expect(await store.list(['robust-ai'])).toHaveLength(1);
    expect(await readdir(exportDir)).not.toContain(jane?.id);
    expect(await mail.messageIds(filed)).toEqual(['<kofi-1@example.net>']);
    const trail = await servers.redis.lrange(keys.privacyAudit(), 0, -1);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatch(/"action":"forget"/);

    // She writes again: a new record, but the acknowledgement she had is never sent twice.
    await mail.append(await buildMail({ messageId: '<jane-2@example.org>' }));
    await waitForMessage(mail, filed, '<jane-2@example.org>');
    const again = await waitFor('her new record', async () =>
      (await store.list(['robust-ai'])).find((candidate) => candidate.email === JANE),
    );
    const replies = new Queue('replies', { connection: servers.redis, prefix });
    const job = await waitForFinishedJob(
      replies,
      `reply.${again.id}.acknowledgement`,
      'her acknowledgement job done',
    );
    await replies.close();
    expect(job.returnvalue).toMatchObject({ sent: false, reason: 'already sent' });
    expect(repliesTo(JANE)).toBe(1);
  });

  it('an address nobody holds: says so and changes nothing', async () => {
    const { config, prefix } = await setup('forget-none');
    const before = await scanPrefix(servers.redis, prefix);
    expect(await forget(config, { dryRun: false, mail: false })).toBe(
      'Nothing is held about jane.doe@example.org.\n',
    );
    const after = await scanPrefix(servers.redis, prefix);
    // Only the installation's address key, the audit entry and the queues' own metadata are new.
    const added = [...after.keys()].filter((key) => !before.has(key));
    expect(added.filter((key) => !/:(address-key|privacy-audit|\w+:meta)$/.test(key))).toEqual([]);
    expect(after.get(`${prefix}:privacy-audit`)).not.toMatch(/jane/i);
  });
});
