#!/usr/bin/env node
import { Command } from 'commander';
import { pino } from 'pino';
import { loadConfig, resolveConfigPath } from '../config/load-config.ts';
import type { Config } from '../config/schema.ts';
import { isTriageError, TriageError } from '../errors/triage-error.ts';
import { createLogger } from '../logging/create-logger.ts';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { DeadLetterStore } from '../adapters/redis/dead-letters.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { candidateJson, formatCandidates } from './format-candidates.ts';
import { formatExplanation } from './format-explanation.ts';
import { packageVersion, readInput, requireVacancy } from './cli-inputs.ts';
import { parseMessageFile, runExplain } from './run-explain.ts';
import { runCheck } from './run-check.ts';
import { runDigestNow } from './run-digest-now.ts';
import { runStart } from './run-start.ts';

process.title = 'triage';

const program = new Command()
  .name('triage')
  .description('Email triage daemon for PhD applications')
  .version(packageVersion(), '-V, --version', 'print the version')
  .option('-c, --config <file>', 'configuration file (default: $TRIAGE_CONFIG, else config/triage.yaml)');

async function config(): Promise<{ config: Config; source: string }> {
  const source = resolveConfigPath(program.opts<{ config?: string }>().config);
  return { config: await loadConfig(source), source };
}

// Commands other than `start` keep stdout for their answer: their logs go to stderr, warnings only.
const quietLogger = () => createLogger('warn', pino.destination(2));

program
  .command('start')
  .description('run the daemon (watch mailboxes, process the queues) until SIGTERM or SIGINT')
  .action(async () => {
    await runStart(program.opts<{ config?: string }>().config);
  });

program
  .command('check')
  .description('validate the configuration and reach Redis, IMAP and SMTP')
  .action(async () => {
    const { config: loaded, source } = await config();
    const lines = await runCheck(loaded, quietLogger(), source);
    for (const line of lines) {
      const status = line.ok ? (line.warning ? 'warn' : 'ok  ') : 'FAIL';
      console.log(`${status}  ${line.name}: ${line.detail}`);
    }
    process.exitCode = lines.every((line) => line.ok) ? 0 : 1;
  });

program
  .command('explain <file>')
  .description('dry run on one .eml file: nothing is written, and no IMAP or SMTP is touched')
  .option('--json', 'print JSON')
  .option('--mailbox <id>', 'the mailbox the message arrived in (default: the first)')
  .option('--history', "read the daemon's candidates from Redis (read only): a follow-up is explained as one")
  .action(async (file: string, options: { json?: boolean; mailbox?: string; history?: boolean }) => {
    const { config: loaded } = await config();
    const parsed = await parseMessageFile(await readInput(file), loaded.limits);
    if (Object.keys(parsed.facts.headers).every((name) => name === '')) {
      throw new TriageError('input-invalid', `${file} is not an e-mail message: it has no header fields`);
    }
    const explanation = await runExplain(parsed, loaded, {
      mailboxId: options.mailbox ?? loaded.mailboxes[0]?.id ?? '',
      history: options.history === true,
    });
    console.log(options.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
  });

program
  .command('candidates')
  .description('list the candidates recorded so far')
  .option('--vacancy <id>', 'only this vacancy')
  .option('--json', 'print JSON')
  .action(async (options: { vacancy?: string; json?: boolean }) => {
    const { config: loaded } = await config();
    if (options.vacancy) requireVacancy(loaded, options.vacancy);
    const ids = options.vacancy ? [options.vacancy] : loaded.vacancies.map((vacancy) => vacancy.id);
    const redis = await reachRedis(loaded.redis.url, 'cli');
    try {
      const records = await new CandidateStore(redis, redisKeys(loaded.redis.prefix)).list(ids);
      console.log(
        options.json ? JSON.stringify(records.map(candidateJson), null, 2) : formatCandidates(records),
      );
    } finally {
      redis.disconnect();
    }
  });

program
  .command('digest')
  .description('compose and send the digests of changes since the last one, now')
  .requiredOption('--now', 'send now (the daemon sends them on their schedule)')
  .option('--vacancy <id>', 'only the digests that cover this vacancy')
  .action(async (options: { vacancy?: string }) => {
    const { config: loaded } = await config();
    if (options.vacancy) requireVacancy(loaded, options.vacancy);
    const lines = await runDigestNow(loaded, quietLogger(), options.vacancy);
    for (const line of lines) console.log(line);
    if (lines.length === 0) console.log('No digests are configured for that vacancy.');
  });

program
  .command('dead-letters')
  .description('list messages whose processing failed for good (they stay in the mailbox)')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const { config: loaded } = await config();
    const redis = await reachRedis(loaded.redis.url, 'cli');
    try {
      const letters = await new DeadLetterStore(redis, redisKeys(loaded.redis.prefix)).list();
      if (options.json) console.log(JSON.stringify(letters, null, 2));
      else if (letters.length === 0) console.log('No dead letters.');
      else
        for (const letter of letters)
          console.log(`${letter.failedAt}  ${letter.queue}/${letter.jobId}  ${letter.reason}`);
    } finally {
      redis.disconnect();
    }
  });

program
  .command('status')
  .description(
    "show the daemon's state: mailboxes, queues, dead letters, next digests (exit 1: needs a person)",
  )
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const { config: loaded } = await config();
    const { runStatus } = await import('./run-status.ts');
    process.exitCode = await runStatus(loaded, options.json === true);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(
    `error: ${isTriageError(error) ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  process.exit(isTriageError(error, 'config-invalid', 'config-missing', 'input-invalid') ? 2 : 1);
});
