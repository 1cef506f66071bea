import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplyLedger } from '../../src/adapters/redis/reply-ledger.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { IncomingApplication } from '../../src/candidates/merge-candidate.ts';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { candidateReplyLedgerKey } from '../../src/stages/replies/run-reply.ts';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster.ts';
import { uniquePrefix } from '../support/redis-prefix.ts';
import { messageRecord } from '../support/records.ts';
import { runCli } from '../support/run-cli.ts';
import { scanPrefix } from '../support/scan-prefix.ts';
import { rawTestConfig } from '../support/test-config.ts';

const PASSWORD = 'cluster-secret';
let cluster: RedisCluster;
let client: Cluster;
let dir: string;

beforeAll(async () => {
  cluster = await startRedisCluster(3, PASSWORD);
  client = new Cluster(cluster.nodes, { redisOptions: { maxRetriesPerRequest: 1, password: PASSWORD } });
  dir = await mkdtemp(path.join(tmpdir(), 'triage-operator-cluster-'));
}, 60_000);

afterAll(async () => {
  client.disconnect();
  await rm(dir, { recursive: true, force: true });
  await cluster.stop();
});

function application(key: string, address: string, receivedAt: string): IncomingApplication {
  return {
    message: messageRecord(key, receivedAt, { sender: address }),
    applicant: { name: 'Jane Doe', address },
    documents: [],
    flags: [],
  };
}

describe('operator commands on a 3-master Redis Cluster', () => {
  it("merge and dismiss run their scripts on the hash-tagged keys (one slot), as the daemon's do", async () => {
    const prefix = uniquePrefix('op-cluster');
    const tagged = `{${prefix}}`;
    const unused = { host: '127.0.0.1', port: 1, user: 'u', pass: 'p' };
    const raw = rawTestConfig(
      { imap: unused, smtpPort: 1, prefix },
      { redis: { cluster: { nodes: cluster.nodes.slice(0, 1) }, prefix }, log: undefined },
    );
    const config = path.join(dir, 'cluster.json');
    await writeFile(config, JSON.stringify(raw));
    // Two candidates as the daemon records them, and Jane's acknowledgement cut off while it was being sent.
    const store = await openCandidateStore(client, tagged);
    const vacancy = { id: 'robust-ai', required: ['cv' as const] };
    const jane = await store.upsert(
      vacancy,
      application('<a@x>', 'jane@uni.example', '2026-03-01T10:00:00.000Z'),
      null,
    );
    const other = await store.upsert(
      vacancy,
      application('<b@x>', 'jane@mail.example', '2026-03-02T10:00:00.000Z'),
      null,
    );
    const reply = { kind: 'acknowledgement', to: 'jane@uni.example', detail: 'cut' } as const;
    await store.recordReply(jane.record.id, { ...reply, status: 'unconfirmed', at: '' }, 'reply-unconfirmed');
    const keys = redisKeys(tagged);
    const personal = await openPersonalData(client, keys, { dataKeyEnv: 'TRIAGE_DATA_KEY' });
    const addressHash = (address: string) => personal.hashAddress(address);
    const ledgerKey = candidateReplyLedgerKey(
      { ...keys, addressHash },
      'robust-ai',
      'jane@uni.example',
      'acknowledgement',
    );
    const ledger = new ReplyLedger(client);
    expect(await ledger.claim(ledgerKey, 'attempt', '<r@x>')).toBe('claimed');
    expect(await ledger.markSending(ledgerKey, 'attempt')).toBe(true);

    const merged = await runCli(['--config', config, 'merge', other.record.id, '--into', jane.record.id]);
    expect(merged.code, merged.stderr).toBe(0);
    const dismissed = await runCli(['--config', config, 'dismiss', 'jane@mail.example']);
    expect(dismissed.code, dismissed.stderr).toBe(0);

    const records = await store.list(['robust-ai']);
    expect(records.map((record) => [record.id, record.messages.length, record.flags])).toEqual([
      [jane.record.id, 2, []],
    ]);
    expect(records[0]?.history.map((entry) => entry.action)).toEqual(['merge', 'dismiss']);
    expect((await ledger.read(ledgerKey))?.state).toBe('sent');
    expect(await store.findByAddress('robust-ai', 'jane@mail.example')).toBe(jane.record.id);
    const all = [...(await scanPrefix(client, tagged)).keys()];
    const slots = new Set(await Promise.all(all.map((key) => client.cluster('KEYSLOT', key))));
    expect(slots.size).toBe(1);
  }, 60_000);
});
