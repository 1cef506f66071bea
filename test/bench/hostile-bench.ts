import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startDovecot } from '../support/dovecot.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { uniquePrefix } from '../support/redis-prefix.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { type BenchSection, type FlagValues, wholeNumberFlag } from './bench-section.ts';
import type { BenchTable, SectionResult } from './bench-table.ts';
import { writeDaemonConfig } from './daemon/daemon-config.ts';
import { percentile } from './daemon/measure-latency.ts';
import { removeKeys } from './daemon/redis-memory.ts';
import { type HostileResult, measureHostile } from './hostile/measure-hostile.ts';
import { progress } from './measure.ts';

const TITLE = 'Hostile mail: cost of the worst messages, and genuine applications behind them';

/** `npm run bench -- --only hostile`: the daemon fed issue 19's hostile batch next to genuine applications. */
export const hostileSection: BenchSection = {
  name: 'hostile',
  title: TITLE,
  flags: { 'hostile-genuine': { type: 'string' } },
  usage: ['--hostile-genuine <n>        genuine applications sent behind the hostile burst (default 20)'],
  prepare(values: FlagValues) {
    const genuineCount = wholeNumberFlag(values, 'hostile-genuine', 20, 1);
    return () => runHostileBench(genuineCount);
  },
};

async function runHostileBench(genuineCount: number): Promise<SectionResult> {
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    progress('hostile: starting Dovecot and the SMTP sink');
    const dovecot = await startDovecot();
    cleanups.push(() => dovecot.stop());
    const sink = await startSmtpSink();
    cleanups.push(() => sink.close());
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
    redis.on('error', () => undefined);
    cleanups.push(() => redis.quit());
    const dir = await mkdtemp(path.join(tmpdir(), 'triage-hostile-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const login = await dovecot.createUser('hostile');
    const admin = await openImapTestClient(dovecot, login);
    cleanups.push(() => admin.close());
    const prefix = uniquePrefix('bench-hostile');
    cleanups.push(() => removeKeys(redis, prefix));
    const imap = { host: dovecot.host, port: dovecot.port, ...login };
    const configFile = await writeDaemonConfig(dir, {
      imap,
      smtpPort: sink.port,
      prefix,
      concurrency: 4,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
    const result = await measureHostile({
      configFile,
      prefix,
      redis,
      sink,
      append: async (raw) => {
        await admin.client.append('INBOX', raw);
      },
      genuineCount,
    });
    return {
      section: 'hostile',
      title: TITLE,
      settings: { 'hostile-genuine': genuineCount },
      tables: hostileTables(result),
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

function hostileTables(result: HostileResult): BenchTable[] {
  const { burst } = result;
  return [
    {
      id: 'hostile-singles',
      title: 'Each hostile message on an idle daemon, one genuine application right behind it',
      columns: [
        { key: 'name', label: 'message' },
        { key: 'sizeBytes', label: 'size', format: 'bytes' },
        { key: 'settledMs', label: 'handled (ms)' },
        { key: 'genuineMs', label: 'genuine ack (ms)' },
        { key: 'processBytes', label: 'peak RSS daemon', format: 'bytes' },
        { key: 'treeBytes', label: 'peak RSS with readers', format: 'bytes' },
      ],
      rows: result.singles.map((row) => ({
        name: row.name,
        sizeBytes: row.sizeBytes,
        settledMs: row.settledMs,
        genuineMs: row.genuineMs,
        processBytes: row.peak.processBytes,
        treeBytes: row.peak.treeBytes,
      })),
      notes: [
        '"handled": from the hostile message\'s APPEND until every stage queue is idle again.',
        'Peak RSS is sampled every 25 ms over the daemon and its document-reader child processes.',
      ],
    },
    {
      id: 'hostile-burst',
      title: 'The whole batch at once, then genuine applications every 0.5 s',
      columns: [
        { key: 'hostile', label: 'hostile messages' },
        { key: 'genuine', label: 'genuine' },
        { key: 'p50', label: 'ack p50 (ms)' },
        { key: 'p95', label: 'ack p95 (ms)' },
        { key: 'max', label: 'ack max (ms)' },
        { key: 'missed', label: 'missed' },
        { key: 'processBytes', label: 'peak RSS daemon', format: 'bytes' },
        { key: 'treeBytes', label: 'peak RSS with readers', format: 'bytes' },
        { key: 'daemonPeakBytes', label: 'daemon VmHWM (run)', format: 'bytes' },
      ],
      rows: [
        {
          hostile: burst.hostile,
          genuine: burst.genuineMs.length + burst.missed,
          p50: percentile(burst.genuineMs, 50),
          p95: percentile(burst.genuineMs, 95),
          max: percentile(burst.genuineMs, 100),
          missed: burst.missed,
          processBytes: burst.peak.processBytes,
          treeBytes: burst.peak.treeBytes,
          daemonPeakBytes: result.daemonPeakBytes,
        },
      ],
      notes: ['"missed": genuine applications not acknowledged within 120 s.'],
    },
  ];
}
