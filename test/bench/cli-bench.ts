import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot } from '../support/dovecot.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { runCli } from '../support/run-cli.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { type BenchSection, type FlagValues, wholeNumberFlag } from './bench-section.ts';
import type { Figure, SectionResult } from './bench-table.ts';
import { progress } from './measure.ts';

/** The CLI section's settings, from its flags. */
export interface CliBenchSettings {
  runs: number;
  redisUrl: string;
}

/** What a command should answer within on this machine (issue 12), where there is a target. */
const TARGETS_MS: Readonly<Record<string, number>> = { explain: 1500, candidates: 1000 };

/** `npm run bench -- --only cli`: wall time of CLI commands, each a fresh process, as an operator runs them. */
export const cliSection: BenchSection = {
  name: 'cli',
  title: 'Command-line start-up',
  flags: { 'cli-runs': { type: 'string' }, 'redis-url': { type: 'string' } },
  usage: [
    '--cli-runs <n>      runs of each command after one warm-up run (default 9)',
    '--redis-url <url>   the Redis to use, under a fresh prefix removed afterwards',
  ],
  prepare(values: FlagValues) {
    const url = values['redis-url'];
    const settings: CliBenchSettings = {
      runs: wholeNumberFlag(values, 'cli-runs', 9, 1),
      redisUrl: typeof url === 'string' ? url : REDIS_URL,
    };
    return () => runCliBench(settings);
  },
};

/** Times each command against a real Redis, Dovecot and SMTP sink, with an empty candidate store. */
export async function runCliBench(settings: CliBenchSettings): Promise<SectionResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'triage-cli-bench-'));
  const dovecot = await startDovecot();
  const sink = await startSmtpSink();
  const prefix = uniquePrefix('cli-bench');
  try {
    const login = await dovecot.createUser('bench');
    const config = path.join(dir, 'triage.yaml');
    const servers = { imap: { host: dovecot.host, port: dovecot.port, ...login }, smtpPort: sink.port };
    const raw = rawTestConfig({ ...servers, prefix, redisUrl: settings.redisUrl }, { log: undefined });
    await writeFile(config, JSON.stringify(raw));
    const eml = path.join(dir, 'application.eml');
    await writeFile(eml, await buildMail({}));
    const commands: Array<{ name: string; args: string[] }> = [
      { name: '--version', args: ['--version'] },
      { name: 'explain', args: ['--config', config, 'explain', eml] },
      { name: 'explain --history', args: ['--config', config, 'explain', eml, '--history'] },
      { name: 'candidates', args: ['--config', config, 'candidates'] },
      { name: 'status', args: ['--config', config, 'status'] },
      { name: 'check', args: ['--config', config, 'check'] },
    ];
    const rows: Record<string, Figure>[] = [];
    for (const command of commands) {
      progress(`cli: ${command.name}`);
      const times = await timeCommand(command.args, settings.runs);
      const target = TARGETS_MS[command.name] ?? null;
      const median = quantile(times, 0.5);
      rows.push({
        command: `triage ${command.name}`,
        medianMs: median,
        minMs: Math.min(...times),
        maxMs: Math.max(...times),
        target: target === null ? '' : `< ${target / 1000} s`,
        met: target === null ? '' : median < target ? 'yes' : '**no**',
      });
    }
    return {
      section: 'cli',
      title: 'Command-line start-up',
      settings: { 'cli-runs': settings.runs },
      tables: [
        {
          id: 'commands',
          title: 'Wall time of one command, a fresh process each run',
          columns: [
            { key: 'command', label: 'command' },
            { key: 'medianMs', label: 'median ms' },
            { key: 'minMs', label: 'min ms' },
            { key: 'maxMs', label: 'max ms' },
            { key: 'target', label: 'target (median)' },
            { key: 'met', label: 'met?' },
          ],
          rows,
          notes: [
            'Each run is `node src/cli/main.ts …` on this Node (type stripping included), after one warm-up run.',
            '`explain` reads a mail with a one-page CV PDF; `status` and `candidates` read an empty prefix;',
            '`check` logs in to a local Dovecot and greets a local SMTP sink.',
          ],
        },
      ],
    };
  } finally {
    await removePrefix(prefix, settings.redisUrl).catch(() => undefined);
    await sink.close();
    await dovecot.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the command `runs` + 1 times (the first warms the file cache) and returns the wall times in ms. */
async function timeCommand(args: string[], runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const start = performance.now();
    const result = await runCli(args);
    const ms = performance.now() - start;
    // status exits 1 when nobody watches the mailbox (none does here); anything else is a broken run.
    if (result.code !== 0 && !(args.includes('status') && result.code === 1)) {
      throw new Error(`triage ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(0, 500)}`);
    }
    if (run > 0) times.push(ms);
  }
  return times;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
