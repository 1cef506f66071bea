import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { openCandidateStore } from '../../support/open-candidate-store.ts';
import { openPersonalData } from '../../../src/adapters/redis/personal-data-store.ts';
import { CursorStore, type MailboxCursor } from '../../../src/adapters/redis/cursor-store.ts';
import { redisKeys } from '../../../src/adapters/redis/redis-keys.ts';
import { INGEST_QUEUE, ingestJobId } from '../../../src/stages/ingest/ingest-job.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import { startDovecot, type DovecotServer } from '../../support/dovecot.ts';
import { openImapTestClient, type ImapTestClient } from '../../support/imap-test-client.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { rawTestConfig } from '../../support/test-config.ts';
import type { ReplyOrigin } from './chaos-tally.ts';
import { startPrivateRedis, type PrivateRedis } from './redis-server.ts';

/** The folder the chaos daemons watch (a folder, not INBOX, so that it can be deleted and recreated). */
export const WATCHED = 'Incoming';
/** The mailbox's id in the chaos configuration (test/support/test-config.ts). */
const MAILBOX_ID = 'chen';

/** Everything a chaos run needs: its own Redis, Dovecot and SMTP sink, one mailbox user, a config file. */
export interface ChaosWorld {
  redis: PrivateRedis;
  dovecot: DovecotServer;
  sink: SmtpSink;
  login: { user: string; pass: string };
  configFile: string;
  /** What the acknowledgements' Message-IDs are derived from. */
  origin: ReplyOrigin;
  /** Appends a message to the watched folder, reconnecting and retrying while the server is down. */
  append(raw: Buffer): Promise<void>;
  /** Every candidate of both vacancies, read afresh. */
  candidates(): Promise<CandidateRecord[]>;
  /** Where the watcher has got to in the watched folder, as the daemons keep it in Redis. */
  cursor(): Promise<MailboxCursor | null>;
  /** Of these UIDs under `uidValidity`, those an ingest job was ever queued for (completed jobs are kept). */
  ingested(uidValidity: string, uids: readonly number[]): Promise<number[]>;
  /** A fresh IMAP client for looking at the mailbox (the caller closes it). */
  mail(): Promise<ImapTestClient>;
  close(): Promise<void>;
}

export async function startChaosWorld(name: string): Promise<ChaosWorld> {
  const [redis, dovecot, sink] = await Promise.all([startPrivateRedis(), startDovecot(), startSmtpSink()]);
  const login = await dovecot.createUser(name);
  const dir = await mkdtemp(path.join(tmpdir(), 'triage-chaos-'));
  const configFile = path.join(dir, 'triage.json');
  const imap = { host: dovecot.host, port: dovecot.port, ...login };
  const prefix = `chaos-${name}`;
  const config = rawTestConfig(
    { imap, smtpPort: sink.port, prefix, redisUrl: redis.url },
    {
      mailbox: { watch: WATCHED, reconcileSeconds: 5, leaseSeconds: 3 },
      // Production defaults, except a shorter stall detection so that a killed process's jobs resume sooner.
      workers: { concurrency: 4, stalledSeconds: 5, shutdownSeconds: 10 },
      replies: { ratePerMinute: 10_000 },
      log: { level: 'info' },
    },
  );
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const setupClient = await openImapTestClient(dovecot, login);
  await setupClient.client.mailboxCreate(WATCHED);
  await setupClient.close();

  let appender: ImapFlow | null = null;
  const append = async (raw: Buffer): Promise<void> => {
    for (;;) {
      try {
        appender ??= await connect(dovecot, login);
        await appender.append(WATCHED, raw);
        return;
      } catch {
        appender?.close();
        appender = null;
        await sleep(200);
      }
    }
  };
  const store = new Redis(redis.url, { maxRetriesPerRequest: null });
  store.on('error', () => undefined);
  // The installation's address key, created here as the daemons would: acknowledgements are told apart by it.
  const personal = await openPersonalData(store, redisKeys(prefix), { dataKeyEnv: 'TRIAGE_DATA_KEY' }, {});
  return {
    redis,
    dovecot,
    sink,
    login,
    configFile,
    origin: {
      prefix,
      mailbox: 'chen@uni.example',
      vacancies: { 'PHD-robustAI': 'robust-ai', 'DPHIL-MedIm': 'med-imaging' },
      hashAddress: (address) => personal.hashAddress(address),
    },
    append,
    candidates: async () => (await openCandidateStore(store, prefix)).list(['robust-ai', 'med-imaging']),
    cursor: () => new CursorStore(store, redisKeys(prefix)).read(MAILBOX_ID),
    ingested: async (uidValidity, uids) => {
      const queue = new Queue(INGEST_QUEUE, { connection: store, prefix, skipMetasUpdate: true });
      try {
        const jobs = await Promise.all(
          uids.map((uid) => queue.getJob(ingestJobId({ mailbox: MAILBOX_ID, uidValidity, uid }))),
        );
        return uids.filter((_, index) => jobs[index] !== undefined);
      } finally {
        await queue.close();
      }
    },
    mail: () => openImapTestClient(dovecot, login),
    close: async () => {
      appender?.close();
      store.disconnect();
      await sink.close();
      await Promise.all([redis.stop(), dovecot.stop(), rm(dir, { recursive: true, force: true })]);
    },
  };
}

async function connect(server: { host: string; port: number }, auth: { user: string; pass: string }) {
  const client = new ImapFlow({ host: server.host, port: server.port, secure: false, auth, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
