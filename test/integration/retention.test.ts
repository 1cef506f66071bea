import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateStore } from '../../src/adapters/redis/candidate-store.ts';
import { readDaemonStatus } from '../../src/adapters/redis/read-daemon-status.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { CandidateRecord } from '../../src/candidates/candidate-record.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment, type TestMailbox } from '../support/daemon-environment.ts';
import { runCli, spawnCli } from '../support/run-cli.ts';
import { rawTestConfig, testConfig, type ConfigOverrides } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triage-retention-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** robust-ai closed in 2020 (deadline + 12 months long past); med-imaging closes in 2099. */
const VACANCIES: ConfigOverrides = {
  vacancies: [
    {
      id: 'robust-ai',
      tag: 'PHD-robustAI',
      title: 'PhD in Robust AI',
      supervisors: ['chen@uni.example'],
      deadline: '2020-01-01T00:00:00Z',
    },
    {
      id: 'med-imaging',
      tag: 'DPHIL-MedIm',
      title: 'DPhil in Medical Image Analysis',
      supervisors: ['chen@uni.example'],
      deadline: '2099-01-01T00:00:00Z',
    },
  ],
  // The purge lock of a killed daemon lasts this long.
  workers: { concurrency: 4, attempts: 3, shutdownSeconds: 10, stalledSeconds: 2 },
};

const EXPIRED = [
  { name: 'Ada Expired', address: 'ada.expired@example.org', messageId: '<ada@example.org>' },
  { name: 'Bo Expired', address: 'bo.expired@example.org', messageId: '<bo@example.org>' },
];
const LATE = { name: 'Dee Late', address: 'dee.late@example.org', messageId: '<dee@example.org>' };
const CURRENT = { name: 'Cy Current', address: 'cy.current@example.org', messageId: '<cy@example.org>' };

type World = TestMailbox & {
  folder: (name: string) => string;
  overrides: (retention: object) => ConfigOverrides;
};

/**
 * A mailbox whose applications to both vacancies a daemon without retention has processed completely (filed and
 * acknowledged), so that the purge that follows meets finished candidates only.
 */
async function processedApplications(name: string): Promise<World> {
  const world = await setup(name, VACANCIES);
  const delimiter = world.mail.client.namespace?.delimiter ?? '/';
  const folder = (leaf: string) => `Applications${delimiter}${leaf}`;
  for (const applicant of EXPIRED)
    await world.mail.append(
      await buildMail({ from: `"${applicant.name}" <${applicant.address}>`, messageId: applicant.messageId }),
    );
  await world.mail.append(
    await buildMail({
      from: `"${CURRENT.name}" <${CURRENT.address}>`,
      messageId: CURRENT.messageId,
      subject: '[DPHIL-MedIm] Application',
    }),
  );
  const { daemon } = await start(world.config);
  await waitFor(
    'three candidates filed and acknowledged',
    async () => {
      const records = await world.store.list(['robust-ai', 'med-imaging']);
      const done = records.filter(
        (record) =>
          record.messages.every((message) => message.filedTo !== null) &&
          record.replies.some((reply) => reply.status === 'sent'),
      );
      return done.length === 3 ? true : undefined;
    },
    30_000,
  );
  await daemon.stop();
  servers.sink.messages.length = 0;
  const overrides = (retention: object): ConfigOverrides => ({ ...VACANCIES, retention });
  return { ...world, folder, overrides };
}

/** The retention config with the servers of `world`. */
function withRetention(world: World, retention: object) {
  const imap = { host: servers.dovecot.host, port: servers.dovecot.port, ...world.login };
  return { imap, smtpPort: servers.sink.port, prefix: world.prefix, overrides: world.overrides(retention) };
}

async function auditTrail(prefix: string): Promise<Array<Record<string, unknown>>> {
  const entries = await servers.redis.lrange(redisKeys(prefix).privacyAudit(), 0, -1);
  return entries.map((entry) => JSON.parse(entry) as Record<string, unknown>);
}

/** Whether anything of the candidate can still be seen: the record, the vacancy's list, the address index, a thread. */
async function traces(prefix: string, store: CandidateStore, id: string, address: string) {
  const keys = redisKeys(prefix);
  return {
    record: await servers.redis.exists(keys.candidate(id)),
    listed: (await servers.redis.zrange(keys.candidatesOfVacancy('robust-ai'), '0', '-1')).includes(id),
    byAddress: await store.findByAddress('robust-ai', address),
    indexed: (await servers.redis.hvals(keys.candidateByAddress('robust-ai'))).includes(id),
    threads: (await servers.redis.hvals(keys.threads())).filter((entry) => entry.endsWith(` ${id}`)).length,
  };
}

const GONE = { record: 0, listed: false, byAddress: null, indexed: false, threads: 0 };

describe('retention', () => {
  it('retention-purge: with a period long past, exactly the expired vacancy is anonymised and its mail moved', async () => {
    const world = await processedApplications('retention');
    const { store, prefix, mail, folder } = world;
    const ids = EXPIRED.map((applicant) => store.newId('robust-ai', applicant.address));
    const [kept] = await store.list(['med-imaging']);
    const rule = {
      months: 12,
      action: 'anonymise',
      mail: 'move',
      mailFolder: 'Applications/_expired',
      checkSeconds: 1,
    };
    const settings = withRetention(world, rule);
    const config = testConfig(settings, settings.overrides);
    const { daemon, logs } = await start(config);
    const [entry] = await waitFor('the purge audited', async () => {
      const trail = await auditTrail(prefix);
      return trail.length > 0 ? trail : undefined;
    });
    expect(entry).toMatchObject({
      action: 'retention',
      vacancy: 'robust-ai',
      mode: 'anonymise',
      counts: { candidates: 2, messages: 2, documents: 2, mail: 2, exportedFolders: 0 },
    });
    expect(await store.list(['robust-ai'])).toEqual([]);
    for (const [index, id] of ids.entries())
      expect(await traces(prefix, store, id, EXPIRED[index]!.address)).toEqual(GONE);
    expect(await store.list(['med-imaging'])).toEqual([kept]);
    const keys = redisKeys(prefix);
    expect(await servers.redis.hgetall(keys.vacancyStatistics('robust-ai'))).toMatchObject({
      candidates: '2',
      messages: '2',
      'documents:cv': '2',
    });
    expect(await servers.redis.exists(keys.vacancyStatistics('med-imaging'))).toBe(0);
    expect(await servers.redis.hlen(keys.erasures())).toBe(0);
    expect((await mail.messageIds(folder('_expired'))).sort()).toEqual([
      '<ada@example.org>',
      '<bo@example.org>',
    ]);
    expect(await mail.messageIds(folder('robust-ai'))).toEqual([]);
    expect(await mail.messageIds(folder('med-imaging'))).toEqual([CURRENT.messageId]);

    // Status: robust-ai has nobody left (its date is past), med-imaging's one candidate goes in 2100.
    const status = await readDaemonStatus(servers.redis, config);
    expect(status.nextPurges).toEqual([
      { vacancy: 'robust-ai', action: 'anonymise', at: '2021-01-01T00:00:00.000Z', candidates: 0 },
      { vacancy: 'med-imaging', action: 'anonymise', at: '2100-01-01T00:00:00.000Z', candidates: 1 },
    ]);
    expect(servers.sink.messages).toEqual([]);
    const file = path.join(dir, 'retention.json');
    await writeFile(file, JSON.stringify(rawTestConfig(settings, settings.overrides)));
    const check = await runCli(['--config', file, 'check']);
    expect(check.stdout.split('\n').filter((line) => /^\w+ +retention:/.test(line))).toEqual([
      'ok    retention: anonymise 12 months after the deadline (or last message), mail moved to ' +
        'Applications/_expired: robust-ai, med-imaging; next purge 2100-01-01T00:00:00.000Z (med-imaging, 1 candidate)',
    ]);

    // A late application to the closed call while the daemon runs: a later check purges it, once it is filed.
    await mail.append(
      await buildMail({ from: `"${LATE.name}" <${LATE.address}>`, messageId: LATE.messageId }),
    );
    const second = await waitFor('the late applicant purged', async () => (await auditTrail(prefix))[1]);
    expect(second).toMatchObject({
      action: 'retention',
      vacancy: 'robust-ai',
      counts: { candidates: 1, messages: 1, mail: 1 },
    });
    expect(await store.list(['robust-ai'])).toEqual([]);
    expect(await traces(prefix, store, store.newId('robust-ai', LATE.address), LATE.address)).toEqual(GONE);
    expect(await servers.redis.hget(keys.vacancyStatistics('robust-ai'), 'candidates')).toBe('3');
    expect((await mail.messageIds(folder('_expired'))).sort()).toEqual([
      '<ada@example.org>',
      '<bo@example.org>',
      LATE.messageId,
    ]);
    expect(await store.list(['med-imaging'])).toEqual([kept]);
    await daemon.stop();

    // Counts only in the info log: no name, address or Message-ID of anyone erased (debug has the IMAP protocol).
    expect(
      logs.find('retention purge').map((line) => [line.level, line.vacancy, line.mode, line.counts]),
    ).toEqual([
      [30, 'robust-ai', 'anonymise', entry?.counts],
      [30, 'robust-ai', 'anonymise', second.counts],
    ]);
    const written = JSON.stringify(logs.lines.filter((line) => Number(line.level) >= 30));
    for (const applicant of [...EXPIRED, LATE])
      for (const value of [applicant.name, applicant.address, applicant.messageId])
        expect(written).not.toContain(value);
  }, 60_000);

  it('retention-kill-9: a purge killed after erasing a candidate leaves nothing half-deleted; the next one finishes', async () => {
    const world = await processedApplications('retention-kill');
    const { store, prefix, mail, folder } = world;
    const keys = redisKeys(prefix);
    const [kept] = await store.list(['med-imaging']);
    const settings = withRetention(world, { months: 12, mail: 'delete', checkSeconds: 1 });
    const file = path.join(dir, 'kill.json');
    await writeFile(file, JSON.stringify(rawTestConfig(settings, { ...settings.overrides, log: undefined })));

    const killed = spawnCli(['--config', file, 'start'], { TRIAGE_FAULT_POINT: 'erasure-after-erase' });
    let output = '';
    killed.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code, signal] = (await once(killed, 'exit')) as [number | null, string | null];
    expect({ code, signal, output: signal === 'SIGKILL' ? '' : output }).toEqual({
      code: null,
      signal: 'SIGKILL',
      output: '',
    });

    // One candidate was erased in its atomic step and journalled; nothing of them is visible, the rest is not done.
    const journal = await servers.redis.hkeys(keys.erasures());
    expect(journal).toHaveLength(1);
    const erasedIndex = EXPIRED.findIndex(
      (applicant) => store.newId('robust-ai', applicant.address) === journal[0],
    );
    expect(erasedIndex).toBeGreaterThanOrEqual(0);
    const erased = EXPIRED[erasedIndex]!;
    const other = EXPIRED[1 - erasedIndex]!;
    expect(await traces(prefix, store, journal[0]!, erased.address)).toEqual(GONE);
    const remaining: CandidateRecord[] = await store.list(['robust-ai']);
    expect(remaining.map((record) => record.email)).toEqual([other.address]);
    expect((await mail.messageIds(folder('robust-ai'))).sort()).toEqual(
      [erased.messageId, other.messageId].sort(),
    );
    expect(await auditTrail(prefix)).toEqual([]);

    // A healthy daemon takes the lock once the killed one's expires, finishes the erasure, then purges the rest.
    const config = testConfig(settings, settings.overrides);
    const { daemon, logs } = await start(config);
    await waitFor('the leftover finished and the other candidate purged', async () =>
      (await auditTrail(prefix)).some((entry) => entry.action === 'retention') ? true : undefined,
    );
    const trail = await auditTrail(prefix);
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'erasures-finished',
        erasures: 1,
        counts: expect.objectContaining({ candidates: 0, mail: 1 }) as unknown,
      }),
      expect.objectContaining({
        action: 'retention',
        vacancy: 'robust-ai',
        mode: 'delete',
        counts: expect.objectContaining({ candidates: 1, messages: 1, mail: 1 }) as unknown,
      }),
    ]);
    expect(await servers.redis.hlen(keys.erasures())).toBe(0);
    expect(await store.list(['robust-ai'])).toEqual([]);
    expect(await traces(prefix, store, store.newId('robust-ai', other.address), other.address)).toEqual(GONE);
    expect(await servers.redis.exists(keys.vacancyStatistics('robust-ai'))).toBe(0);
    expect(await mail.messageIds(folder('robust-ai'))).toEqual([]);
    expect(await mail.messageIds('INBOX')).toEqual([]);
    expect(await store.list(['med-imaging'])).toEqual([kept]);
    expect(await mail.messageIds(folder('med-imaging'))).toEqual([CURRENT.messageId]);
    expect(logs.find('finished the erasures a stopped run left')).toHaveLength(1);
    await daemon.stop();
  }, 90_000);
});
