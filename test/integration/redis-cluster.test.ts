import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster.ts';
import { uniquePrefix } from '../support/redis-prefix.ts';
import { runCli, spawnCli } from '../support/run-cli.ts';
import { scanPrefix } from '../support/scan-prefix.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

let cluster: RedisCluster;
let client: Cluster;
let dovecot: DovecotServer;
let sink: SmtpSink;
let dir: string;

beforeAll(async () => {
  cluster = await startRedisCluster(3);
  client = new Cluster(cluster.nodes, { redisOptions: { maxRetriesPerRequest: 1 } });
  dovecot = await startDovecot();
  sink = await startSmtpSink();
  dir = await mkdtemp(path.join(tmpdir(), 'triage-redis-cluster-test-'));
}, 60_000);

afterAll(async () => {
  client.disconnect();
  await sink.close();
  await dovecot.stop();
  await rm(dir, { recursive: true, force: true });
  await cluster.stop();
});

const APPLICANTS = Array.from({ length: 10 }, (_, index) => `applicant${index}@example.org`);
/** What `triage status --json` says, as far as this test reads it. */
interface Snapshot {
  mailboxes: Array<{ cursor: unknown }>;
  queues: Array<{ waiting: number; active: number; failed: number }>;
}

const acknowledged = (address: string) => sink.messages.filter((message) => message.to.includes(address));

describe('the daemon on a 3-master Redis Cluster', () => {
  it('files every application and acknowledges each at most once across a kill -9; status and candidates read the cluster', async () => {
    const login = await dovecot.createUser('cluster');
    const prefix = uniquePrefix('cluster');
    const imap = { host: dovecot.host, port: dovecot.port, ...login };
    const raw = rawTestConfig(
      { imap, smtpPort: sink.port, prefix },
      {
        redis: { cluster: { nodes: cluster.nodes }, prefix },
        vacancies: [
          { id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors: ['chen@uni.example'] },
        ],
        workers: { concurrency: 2, stalledSeconds: 3 },
        log: undefined,
      },
    );
    const config = path.join(dir, 'cluster.json');
    await writeFile(config, JSON.stringify(raw));
    const mail = await openImapTestClient(dovecot, login);
    const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}robust-ai`;
    for (const [index, address] of APPLICANTS.entries()) {
      await mail.append(
        await buildMail({ messageId: `<cluster-${index}@example.org>`, from: `A <${address}>` }),
      );
    }

    const first = spawnCli(['--config', config, 'start']);
    await waitFor('a first acknowledgement', () => (sink.messages.length >= 1 ? true : undefined), 60_000);
    first.kill('SIGKILL');
    await once(first, 'exit');
    // Delivered again after the crash: the same application must not be acknowledged a second time.
    await mail.append(
      await buildMail({ messageId: '<cluster-0@example.org>', from: `A <${APPLICANTS[0]}>` }),
    );

    const second = spawnCli(['--config', config, 'start']);
    const store = await openCandidateStore(client, `{${prefix}}`);
    const candidates = await waitFor(
      'every reply settled',
      async () => {
        const records = await store.list(['robust-ai']);
        const settled = records.filter((record) => record.replies.length > 0);
        return settled.length === APPLICANTS.length ? records : undefined;
      },
      90_000,
    );
    await waitFor('inbox empty', async () =>
      (await mail.messageIds('INBOX')).length === 0 ? true : undefined,
    );
    const status = await waitFor(
      'queues idle',
      async () => {
        const { stdout } = await runCli(['--config', config, 'status', '--json']);
        const snapshot = JSON.parse(stdout) as Snapshot;
        return snapshot.queues.every((queue) => queue.waiting + queue.active === 0) ? snapshot : undefined;
      },
      60_000,
    );
    const listed = await runCli(['--config', config, 'candidates', '--json']);
    const check = await runCli(['--config', config, 'check']);
    second.kill('SIGTERM');
    await once(second, 'exit');
    const filedIds = await mail.messageIds(filed);
    await mail.close();

    expect(filedIds.sort()).toEqual(
      [...APPLICANTS.map((_, index) => `<cluster-${index}@example.org>`), '<cluster-0@example.org>'].sort(),
    );
    expect(candidates.map((candidate) => candidate.email).sort()).toEqual([...APPLICANTS].sort());
    // A reply cut off by the kill stays "unconfirmed" (never sent again); every other one reached the sink once.
    const outcomes = candidates.map((candidate) => {
      const replies = candidate.replies.map((reply) => `${reply.kind} ${reply.status}`).join(', ');
      const count = acknowledged(candidate.email).length;
      const ok =
        (replies === 'acknowledgement sent' && count === 1) ||
        (replies === 'acknowledgement unconfirmed' && count <= 1);
      return { email: candidate.email, replies, count, ok };
    });
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(sink.messages.every((message) => message.to.length === 1)).toBe(true);

    // Every key of the daemon and its queues is under the hash-tagged prefix, so all are in one slot.
    const keys = [...(await scanPrefix(client, `{${prefix}}`)).keys()];
    expect(keys.length).toBeGreaterThan(0);
    const slots = new Set(await Promise.all(keys.map((key) => client.cluster('KEYSLOT', key))));
    expect(slots.size).toBe(1);
    expect(keys.some((key) => key.startsWith(`{${prefix}}:ingest:`))).toBe(true);

    expect(JSON.parse(listed.stdout)).toHaveLength(APPLICANTS.length);
    expect(status.mailboxes[0]?.cursor).not.toBeNull();
    expect(status.queues.every((queue) => queue.failed === 0)).toBe(true);
    expect(check.stdout).toMatch(
      new RegExp(
        `redis.*cluster redis://127\\.0\\.0\\.1:\\d+, .*\\(3 masters, maxmemory-policy noeviction, prefix \\{${prefix}\\}\\)`,
      ),
    );
  }, 180_000);
});
