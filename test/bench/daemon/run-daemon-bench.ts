import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openCandidateStore } from '../../support/open-candidate-store.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startDovecot } from '../../support/dovecot.ts';
import { freePort } from '../../support/free-port.ts';
import { openImapTestClient, type ImapTestClient } from '../../support/imap-test-client.ts';
import { uniquePrefix } from '../../support/redis-prefix.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { clearMailbox, type LoadedBacklog, loadBacklog, refillInbox } from '../backlog/load-backlog.ts';
import type { BenchTable, Figure, SectionResult } from '../bench-table.ts';
import { progress } from '../measure.ts';
import { type ProfileSummary, summariseCpuProfile } from './cpu-profile-summary.ts';
import { writeDaemonConfig } from './daemon-config.ts';
import { COMPILED_MAIN } from './daemon-process.ts';
import { DAEMON_TITLE, type DaemonBenchSettings } from './daemon-settings.ts';
import { backlogTable, drainTable, floorTable, redisTable } from './daemon-tables.ts';
import { startImapCommandCounter } from '../../support/imap-command-counter.ts';
import { type DrainResult, measureDrain } from './measure-drain.ts';
import { memoryBreakdownTable } from './metrics-memory.ts';
import { type FloorResult, measureFloor } from './measure-floor.ts';
import { latencyPhasesTable } from './latency-phase-table.ts';
import { PhaseReader } from './latency-phases.ts';
import { type AppendedMessage, type LatencyResult, measureLatency } from './measure-latency.ts';
import { latencyTable, memoryTable, processRows, profileTables } from './process-tables.ts';
import { measureRedisMemory, type RedisMemory, removeKeys } from './redis-memory.ts';

/** What every run of the section shares: the servers, the Redis connection and the loaded backlog. */
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

interface BenchWorld {
  settings: DaemonBenchSettings;
  /** The daemon's entry when run as installed (`--compiled`); null: from source. */
  entry: string | null;
  imap: { host: string; port: number; user: string; pass: string };
  sink: SmtpSink;
  redis: Redis;
  admin: ImapTestClient;
  dir: string;
}

/** Starts the servers, loads the backlog, then measures the floor, each drain and the latency; cleans up after. */
export async function runDaemonBench(settings: DaemonBenchSettings): Promise<SectionResult> {
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    progress('starting Dovecot and the SMTP sink');
    const dovecot = await startDovecot();
    cleanups.push(() => dovecot.stop());
    const sink = await startSmtpSink();
    cleanups.push(() => sink.close());
    const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 3 });
    redis.on('error', () => undefined);
    cleanups.push(() => redis.quit());
    const dir = await mkdtemp(path.join(tmpdir(), 'triage-bench-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const login = await dovecot.createUser('bench');
    const admin = await openImapTestClient(dovecot, login);
    cleanups.push(() => admin.close());
    const world: BenchWorld = {
      settings,
      entry: settings.compiled ? buildDaemon() : null,
      imap: { host: dovecot.host, port: dovecot.port, ...login },
      sink,
      redis,
      admin,
      dir,
    };

    progress(`generating ${settings.applications} applications and appending them to the folder Backlog`);
    const backlog = await loadBacklog(admin.client, settings);
    progress('floor: fetching, parsing and extracting the whole backlog without the daemon');
    const floorBefore = await measureFloor(dovecot, login);
    const drains: DrainResult[] = [];
    const memories: Array<{ processes: number; memory: RedisMemory }> = [];
    let profile: ProfileSummary | null = null;
    for (const processes of settings.processes) {
      const profiled = processes === 1 && settings.cpuProf !== null && profile === null;
      const drain = await runDrain(world, backlog, processes, profiled ? settings.cpuProf : null);
      drains.push(drain.result);
      memories.push({ processes, memory: drain.memory });
      if (profiled && settings.cpuProf !== null) {
        profile = await summariseCpuProfile(settings.cpuProf, drain.result.daemons[0]?.pid ?? 0);
      }
    }
    progress('floor again, after the drains');
    const floors = [floorBefore, await measureFloor(dovecot, login)];
    const latency = settings.latencyCount > 0 ? await runLatency(world) : null;

    const tables: BenchTable[] = [
      backlogTable(backlog),
      floorTable(floors),
      drainTable(drains, fastest(floors), backlog, settings.concurrency),
      redisTable(memories),
      memoryTable(processRows(drains, latency)),
    ];
    const peak = drains.find((drain) => drain.processes === 1)?.memoryAtPeak;
    if (peak) tables.push(memoryBreakdownTable(peak));
    if (latency !== null) {
      tables.push(latencyTable(latency, settings.latencyCount), latencyPhasesTable(latency.phases));
    }
    if (profile !== null) {
      tables[2]?.notes?.push('The 1-process drain ran under node --cpu-prof (a few % slower than without).');
      tables.push(...profileTables(profile));
    }
    return { section: 'daemon', title: DAEMON_TITLE, settings: settingsFigures(settings), tables };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

/** `npm run build`, for `--compiled`: the daemon then runs from dist/ as installed. */
function buildDaemon(): string {
  progress('building the daemon (npm run build) to run it from dist/');
  const built = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: REPOSITORY,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0)
    throw new Error(`npm run build failed (${built.status ?? built.signal ?? 'unknown'})`);
  return COMPILED_MAIN;
}

/** One drain under a fresh prefix, on a fresh copy of the backlog; the prefix is removed afterwards. */
async function runDrain(
  world: BenchWorld,
  backlog: LoadedBacklog,
  processes: number,
  cpuProfDir: string | null,
): Promise<{ result: DrainResult; memory: RedisMemory }> {
  progress(`drain with ${processes} daemon process(es): copying the backlog into INBOX`);
  await refillInbox(world.admin.client);
  resetSink(world.sink);
  const prefix = uniquePrefix(`bench-drain-${processes}`);
  const counter = await startImapCommandCounter(world.imap);
  try {
    // One process serves /metrics, whose memory figures say where its peak is; two would share the port.
    const metricsPort = processes === 1 ? await freePort() : undefined;
    const setup = { ...daemonSetup(world, prefix, counter.port), httpPort: metricsPort };
    const configFile = await writeDaemonConfig(world.dir, setup);
    if (cpuProfDir !== null) await mkdir(cpuProfDir, { recursive: true });
    const result = await measureDrain({
      processes,
      configFile,
      sink: world.sink,
      applicants: backlog.applicants,
      store: await openCandidateStore(world.redis, prefix),
      timeoutMs: world.settings.drainTimeoutSeconds * 1000,
      entry: world.entry,
      cpuProfDir: cpuProfDir ?? undefined,
      metricsPort,
    });
    const memory = await measureRedisMemory(world.redis, prefix);
    return { result: { ...result, imapCommands: counter.counts() }, memory };
  } finally {
    await counter.close();
    await removeKeys(world.redis, prefix);
  }
}

/** The latency run: an empty INBOX, a fresh prefix, one daemon whose IMAP commands are counted. */
async function runLatency(world: BenchWorld): Promise<LatencyResult> {
  progress(`latency: ${world.settings.latencyCount} applications, one at a time, to an idle daemon`);
  await clearMailbox(world.admin.client);
  resetSink(world.sink);
  const counter = await startImapCommandCounter(world.imap);
  const prefix = uniquePrefix('bench-latency');
  // Its /metrics give the time spent reading each application's documents.
  const metricsPort = await freePort();
  const phases = new PhaseReader(world.redis, prefix, metricsPort);
  try {
    const setup = { ...daemonSetup(world, prefix, counter.port), httpPort: metricsPort };
    const configFile = await writeDaemonConfig(world.dir, setup);
    return await measureLatency({
      count: world.settings.latencyCount,
      configFile,
      entry: world.entry,
      sink: world.sink,
      append: (raw) => appendToInbox(world.admin, raw),
      imap: counter,
      phases,
    });
  } finally {
    await phases.close();
    await counter.close();
    await removeKeys(world.redis, prefix);
  }
}

async function appendToInbox(admin: ImapTestClient, raw: Buffer): Promise<AppendedMessage> {
  const appended = await admin.client.append('INBOX', raw);
  if (appended === false) throw new Error('the benchmark could not APPEND to INBOX');
  return { uid: appended.uid, uidValidity: appended.uidValidity?.toString() };
}

function daemonSetup(world: BenchWorld, prefix: string, imapPort: number) {
  const { host, user, pass } = world.imap;
  return {
    imap: { host, port: imapPort, user, pass },
    smtpPort: world.sink.port,
    redisUrl: world.settings.redisUrl,
    prefix,
    concurrency: world.settings.concurrency,
  };
}

/** The faster floor run: load from elsewhere on the machine only ever slows a run down. */
function fastest(floors: FloorResult[]): FloorResult {
  return floors.reduce((best, floor) => (floor.ms < best.ms ? floor : best));
}

function resetSink(sink: SmtpSink): void {
  sink.messages.length = 0;
  sink.attempts.length = 0;
}

function settingsFigures(settings: DaemonBenchSettings): Record<string, Figure> {
  return {
    applications: settings.applications,
    noise: settings.noise,
    'large-files': settings.largeFiles,
    'large-mb-min': settings.largeMbMin,
    'large-mb-max': settings.largeMbMax,
    processes: settings.processes.join(','),
    concurrency: settings.concurrency,
    'latency-count': settings.latencyCount,
    'drain-timeout-seconds': settings.drainTimeoutSeconds,
    // Without any password the URL may carry.
    'redis-url': settings.redisUrl.replace(/\/\/[^@/]*@/, '//'),
    ...(settings.cpuProf === null ? {} : { 'cpu-prof': settings.cpuProf }),
  };
}
