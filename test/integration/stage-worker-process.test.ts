import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessJob } from '../../src/stages/assess/assess-job.ts';
import { ingestJobId, type IngestJob } from '../../src/stages/ingest/ingest-job.ts';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const WORKERS = fileURLToPath(new URL('../../workers/', import.meta.url));

let dovecot: DovecotServer;
let redis: Redis;
let dir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  redis = new Redis(REDIS_URL);
  dir = await mkdtemp(path.join(tmpdir(), 'triage-stage-worker-'));
});

afterAll(async () => {
  for (const prefix of prefixes) await removePrefix(prefix);
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
  await dovecot.stop();
});

function startWorker(stage: string, config: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [path.join(WORKERS, `${stage}.worker.ts`), '--config', config], {
    env: { ...process.env, TRIAGE_LOG_FORMAT: 'json' },
  });
}

describe('workers/<stage>.worker.ts', () => {
  it('ingest-worker-alone: runs only its stage, hands the next stage its job, and stops on SIGTERM', async () => {
    const login = await dovecot.createUser('stage-ingest');
    const prefix = uniquePrefix('stage-ingest');
    prefixes.push(prefix);
    const config = path.join(dir, 'ingest.yaml');
    const imap = { host: dovecot.host, port: dovecot.port, ...login };
    await writeFile(config, JSON.stringify(rawTestConfig({ imap, smtpPort: 1, prefix }, { log: undefined })));
    const mail = await openImapTestClient(dovecot, login);
    await mail.append(await buildMail({ messageId: '<stage-ingest@example.org>' }));
    const status = await mail.client.status('INBOX', { uidValidity: true, uidNext: true });
    if (status === false) throw new Error('no INBOX status');
    const job: IngestJob = {
      mailbox: 'chen',
      uidValidity: String(status.uidValidity),
      uid: (status.uidNext ?? 2) - 1,
    };
    const ingest = new Queue('ingest', { connection: redis, prefix });
    await ingest.add('message', job, { jobId: ingestJobId(job) });

    const worker = startWorker('ingest', config);
    const store = await openCandidateStore(redis, prefix);
    const assess = new Queue<AssessJob>('assess', { connection: redis, prefix });
    try {
      const waiting = await waitFor('the assess job', async () => {
        const jobs = await assess.getWaiting();
        return jobs.length === 1 ? jobs : undefined;
      });
      const candidate = await store.get(waiting[0]?.data.candidateId ?? '');
      expect(candidate?.messages.map((message) => message.key)).toEqual(['<stage-ingest@example.org>']);
      // Only the ingest stage runs here: the message is recorded but not filed, and stays in the inbox.
      expect(candidate?.messages[0]?.filedTo).toBeNull();
      expect(await mail.messageIds('INBOX')).toEqual(['<stage-ingest@example.org>']);
    } finally {
      worker.kill('SIGTERM');
    }
    const [code] = (await once(worker, 'exit')) as [number | null];
    expect(code).toBe(0);
    await Promise.all([ingest.close(), assess.close(), mail.close()]);
  });

  it('bad-config: names the problem and exits 2, without a stack trace', async () => {
    const config = path.join(dir, 'bad.yaml');
    await writeFile(config, 'redis: { url: 42 }\n');
    const worker = startWorker('replies', config);
    let stderr = '';
    worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(worker, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: .*redis\.url/m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
