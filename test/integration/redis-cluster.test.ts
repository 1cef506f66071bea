import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMail } from '../support/build-mail.ts';
import { freePort } from '../support/free-port.ts';
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

// Every node asks for it: the nodes a client learns from the cluster need it too, not only the one configured.
const PASSWORD = 'cluster-secret';
let cluster: RedisCluster;
let client: Cluster;
let dovecot: DovecotServer;
let sink: SmtpSink;
let dir: string;

beforeAll(async () => {
  cluster = await startRedisCluster(3, PASSWORD);
  client = new Cluster(cluster.nodes, { redisOptions: { maxRetriesPerRequest: 1, password: PASSWORD } });
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
        // One node named: the daemon learns the other two from the cluster.
        redis: { cluster: { nodes: cluster.nodes.slice(0, 1) }, prefix },
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
    const answered = (record: { email: string; replies: Array<{ status: string }> }) =>
      acknowledged(record.email).length > 0 || record.replies.some((reply) => reply.status === 'unconfirmed');
    await waitFor(
      'every applicant acknowledged or marked unconfirmed',
      async () =>
        (await store.list(['robust-ai'])).filter(answered).length === APPLICANTS.length ? true : undefined,
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
    const candidates = await store.list(['robust-ai']);
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
    // No applicant gets two. One whose reply the kill cut off is marked "unconfirmed" and never sent again (it may
    // have reached the sink). A kill between the ledger's "sent" and the record leaves the record without the reply
    // (the retry finds it already sent): that applicant still has exactly one.
    const outcomes = candidates.map((candidate) => {
      const replies = candidate.replies.map((reply) => `${reply.kind} ${reply.status}`).join(', ');
      const count = acknowledged(candidate.email).length;
      const ok =
        count === 1
          ? ['acknowledgement sent', 'acknowledgement unconfirmed', ''].includes(replies)
          : count === 0 && replies === 'acknowledgement unconfirmed';
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
        `redis.*cluster redis://:\\*\\*\\*@127\\.0\\.0\\.1:\\d+ \\(3 masters, maxmemory-policy noeviction, prefix \\{${prefix}\\}\\)`,
      ),
    );
  }, 180_000);

  it('unreachable: candidates names the nodes (passwords hidden) and the reason in one line, exit 1', async () => {
    const ports = [await freePort(), await freePort()];
    const nodes = ports.map((port) => `redis://:secret@127.0.0.1:${port}`);
    const raw = rawTestConfig(
      { imap: { host: '127.0.0.1', port: 1, user: 'u', pass: 'p' }, smtpPort: 1, prefix: 'unused' },
      { redis: { cluster: { nodes } }, log: undefined },
    );
    const config = path.join(dir, 'unreachable.json');
    await writeFile(config, JSON.stringify(raw));
    const { code, stdout, stderr } = await runCli(['--config', config, 'candidates']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.trim()).toBe(
      `error: cannot reach Redis at cluster ${ports.map((port) => `redis://:***@127.0.0.1:${port}`).join(', ')}: ` +
        'no node answered (are they running, on those hosts and ports?)',
    );
  });
});
