#!/usr/bin/env -S node --max-semi-space-size=4
import './require-node.ts';
import { Command } from 'commander';
import type { Config } from '../config/schema.ts';
import { isTriageError, TriageError } from '../errors/triage-error.ts';
import { packageVersion, requireMailbox, requireVacancy } from './cli-inputs.ts';
import { printText } from './print-text.ts';

process.title = 'triage';

// Each command loads its modules when it runs (`await import`): `--version` or `candidates` must not pay for the
// daemon's, and nothing is started by being imported.
const program = new Command()
  .name('triage')
  .description('Email triage daemon for PhD applications')
  .version(packageVersion(), '-V, --version', 'print the version')
  .option('-c, --config <file>', 'configuration file (default: $TRIAGE_CONFIG, else config/triage.yaml)')
  // A usage error (unknown option or command, missing argument) has printed its line: exit 2, as for a bad
  // argument; `--help` and `--version` exit 0. Commands defined below inherit this.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

async function config(): Promise<{ config: Config; source: string }> {
  const { loadConfig, resolveConfigPath } = await import('../config/load-config.ts');
  const source = resolveConfigPath(program.opts<{ config?: string }>().config);
  return { config: await loadConfig(source), source };
}

program
  .command('start')
  .description('run the daemon (watch mailboxes, process the queues) until SIGTERM or SIGINT')
  .action(async () => {
    const { runStart } = await import('./run-start.ts');
    await runStart(program.opts<{ config?: string }>().config);
  });

program
  .command('check')
  .description('validate the configuration and reach Redis, IMAP and SMTP')
  .action(async () => {
    const { config: loaded, source } = await config();
    const { runCheckCommand } = await import('./run-check.ts');
    process.exitCode = await runCheckCommand(loaded, source);
  });

program
  .command('explain <file>')
  .description('dry run on one .eml file: nothing is written, and no IMAP or SMTP is touched')
  .option('--json', 'print JSON')
  .option('--mailbox <id>', 'the mailbox the message arrived in (default: the first)')
  .option('--history', "read the daemon's candidates from Redis (read only): a follow-up is explained as one")
  .action(async (file: string, options: { json?: boolean; mailbox?: string; history?: boolean }) => {
    const { config: loaded } = await config();
    const { runExplainCommand } = await import('./run-explain.ts');
    await runExplainCommand(loaded, file, options);
  });

program
  .command('candidates')
  .description('list the candidates recorded so far')
  .option('--vacancy <id>', 'only this vacancy')
  .option('--json', 'print JSON')
  .option('--csv', "print CSV: the digest attachment's columns after a vacancy column")
  .option('--review', 'list the mail held for review (its tag nearly matched) instead of the candidates')
  .action(async (options: { vacancy?: string; json?: boolean; csv?: boolean; review?: boolean }) => {
    const { config: loaded } = await config();
    if (options.vacancy) requireVacancy(loaded, options.vacancy);
    if (options.json && options.csv)
      throw new TriageError('input-invalid', '--json and --csv cannot be used together');
    if (options.review && options.csv)
      throw new TriageError('input-invalid', '--review and --csv cannot be used together');
    const { runCandidates } = await import('./run-candidates.ts');
    await runCandidates(loaded, options);
  });

program
  .command('digest')
  .description('compose and send the digests of changes since the last one, now')
  .requiredOption('--now', 'send now (the daemon sends them on their schedule)')
  .option('--vacancy <id>', 'only the digests that cover this vacancy')
  .action(async (options: { vacancy?: string }) => {
    const { config: loaded } = await config();
    if (options.vacancy) requireVacancy(loaded, options.vacancy);
    const { runDigestNowCommand } = await import('./run-digest-now.ts');
    await runDigestNowCommand(loaded, options.vacancy);
  });

program
  .command('dead-letters')
  .description('list messages whose processing failed for good (they stay in the mailbox)')
  .option('--json', 'print JSON')
  .option('--retry <ids...>', "queue these dead letters' jobs again (queue/job ids as listed, or all)")
  .option('--dry-run', 'with --retry: say what would be retried, change nothing')
  .action(async (options: { json?: boolean; retry?: string[]; dryRun?: boolean }) => {
    const { config: loaded } = await config();
    const { runDeadLetters, runRetryDeadLetters } = await import('./run-dead-letters.ts');
    if (options.retry === undefined) {
      if (options.dryRun === true) throw new TriageError('input-invalid', '--dry-run goes with --retry');
      await runDeadLetters(loaded, options.json === true);
      return;
    }
    const flags = { dryRun: options.dryRun === true, json: options.json === true };
    process.exitCode = await runRetryDeadLetters(loaded, options.retry, flags);
  });

program
  .command('merge <candidate>')
  .description(
    'merge a candidate (id or address) into another of the same vacancy: one applicant, two addresses',
  )
  .requiredOption('--into <candidate>', 'the candidate that stays (id or address)')
  .option('--vacancy <id>', 'the vacancy, when an address applied to several')
  .option('--dry-run', 'say what would change, change nothing')
  .action(async (candidate: string, options: { into: string; vacancy?: string; dryRun?: boolean }) => {
    const { config: loaded } = await config();
    if (options.vacancy) requireVacancy(loaded, options.vacancy);
    const { runMerge } = await import('./run-merge.ts');
    await runMerge(loaded, candidate, { ...options, dryRun: options.dryRun === true });
  });

program
  .command('split <candidate>')
  .description(
    "move a misattributed message, with its documents, off a candidate to its sender's (or --to's)",
  )
  .requiredOption('--message <id>', 'the message: its Message-ID (or key, as candidates --json lists them)')
  .option('--to <candidate>', "the candidate it belongs to (default: its sender's, created if needed)")
  .option('--vacancy <id>', 'the vacancy, when an address applied to several')
  .option('--dry-run', 'say what would change, change nothing')
  .action(
    async (
      candidate: string,
      options: { message: string; to?: string; vacancy?: string; dryRun?: boolean },
    ) => {
      const { config: loaded } = await config();
      if (options.vacancy) requireVacancy(loaded, options.vacancy);
      const { runSplit } = await import('./run-split.ts');
      await runSplit(loaded, candidate, { ...options, dryRun: options.dryRun === true });
    },
  );

program
  .command('link <candidate>')
  .description(
    "make a message left in the watched folder (untagged, say) one of a candidate's, documents and all",
  )
  .option('--uid <n>', 'the message by its UID in the watched folder')
  .option('--message-id <id>', 'the message by its Message-ID')
  .option('--mailbox <id>', "the mailbox it is in (default: the candidate's vacancy's)")
  .option('--vacancy <id>', 'the vacancy, when an address applied to several')
  .option('--dry-run', 'say what would change, change nothing')
  .action(
    async (
      candidate: string,
      options: { uid?: string; messageId?: string; mailbox?: string; vacancy?: string; dryRun?: boolean },
    ) => {
      const { config: loaded } = await config();
      if (options.vacancy) requireVacancy(loaded, options.vacancy);
      if (options.mailbox) requireMailbox(loaded, options.mailbox);
      const { runLink, watchedMessage } = await import('./run-link.ts');
      const which = watchedMessage(options.uid, options.messageId);
      await runLink(loaded, candidate, { ...options, which, dryRun: options.dryRun === true });
    },
  );

for (const [name, description] of [
  ['resend', 'send a reply whose sending was cut off (reply-unconfirmed) once more, under every reply rule'],
  ['dismiss', 'take a reply whose sending was cut off (reply-unconfirmed) as sent, and clear the flag'],
] as const) {
  program
    .command(`${name} <candidate>`)
    .description(description)
    .option('--vacancy <id>', 'the vacancy, when an address applied to several')
    .option('--dry-run', 'say what would change, change nothing')
    .action(async (candidate: string, options: { vacancy?: string; dryRun?: boolean }) => {
      const { config: loaded } = await config();
      if (options.vacancy) requireVacancy(loaded, options.vacancy);
      const { runReplyDecision } = await import('./run-reply-decision.ts');
      await runReplyDecision(loaded, name, candidate, { ...options, dryRun: options.dryRun === true });
    });
}

program
  .command('login <mailbox>')
  .description(
    'sign a mailbox in with its OAuth2 provider (Microsoft 365, Gmail) and store the token, encrypted',
  )
  .action(async (mailbox: string) => {
    const { config: loaded } = await config();
    const { runLogin } = await import('./run-login.ts');
    process.exitCode = await runLogin(loaded, mailbox);
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

program
  .command('forget <address>')
  .description(
    'erase a person everywhere the daemon holds them (data-protection erasure); only keyed hashes stay',
  )
  .option('--vacancy <id>', 'only their application to this vacancy')
  .option('--mail', 'also delete their filed messages from the mailbox')
  .option('--dry-run', 'say what would be removed, change nothing')
  .action(async (address: string, options: { vacancy?: string; mail?: boolean; dryRun?: boolean }) => {
    const { config: loaded } = await config();
    if (options.vacancy) requireVacancy(loaded, options.vacancy);
    const { runForget } = await import('./run-forget.ts');
    const flags = { vacancy: options.vacancy, dryRun: options.dryRun === true, mail: options.mail === true };
    await runForget(loaded, address, flags);
  });

program
  .command('export-person <address>')
  .description('write everything held about a person to a folder, as JSON and a summary (subject access)')
  .requiredOption('--out <dir>', 'a new or empty folder to write to (created owner-only)')
  .action(async (address: string, options: { out: string }) => {
    const { config: loaded } = await config();
    const { runExportPerson } = await import('./run-export-person.ts');
    await runExportPerson(loaded, address, options);
  });

program
  .command('reseal')
  .description('seal all stored personal data with the current data key (after setting or rotating it)')
  .action(async () => {
    const { config: loaded } = await config();
    const { runReseal } = await import('./run-reseal.ts');
    await runReseal(loaded);
  });

program.parseAsync().catch((error: unknown) => {
  printText(
    `error: ${isTriageError(error) ? error.message : error instanceof Error ? error.stack : String(error)}`,
    process.stderr,
  );
  process.exit(isTriageError(error, 'config-invalid', 'config-missing', 'input-invalid', 'data-key') ? 2 : 1);
});
