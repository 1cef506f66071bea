import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { startDaemon } from '../daemon/start-daemon.ts';
import { loadVacancyTemplates } from '../replies/load-vacancy-templates.ts';
import { explainMessage } from '../ingest/explain-message.ts';
import { messageKey } from '../ingest/message-key.ts';
import { parseMessage } from '../ingest/parse-message.ts';
import { createLogger } from '../logging/create-logger.ts';
import type { Config } from '../config/schema.ts';
import { demoConfig } from './demo-config.ts';
import { connectDemoRedis, DEFAULT_REDIS_URL, redactUrl, redisHelp, removePrefix } from './demo-redis.ts';
import { startDemoSmtpSink } from './demo-smtp-sink.ts';
import { formatReport, type ReportedMessage } from './format-report.ts';
import { readFolders } from './read-folders.ts';
import { buildSampleMessages, type SampleMessage } from './sample-applications.ts';
import { startDemoImap } from './start-demo-imap.ts';
import { waitUntilProcessed } from './wait-until-processed.ts';

const WAIT_SECONDS = 60;

// Undone in reverse order, once, whether the demo finishes, fails or is interrupted.
const cleanups: Array<() => Promise<unknown>> = [];
let cleaning: Promise<void> | null = null;
const interruption = new AbortController();

/** Registers how to undo what was just started, then stops the demo here if it was interrupted meanwhile. */
function track(cleanup: () => Promise<unknown>): void {
  cleanups.push(cleanup);
  interruption.signal.throwIfAborted();
}

function cleanUp(): Promise<void> {
  return (cleaning ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => console.error(`cleanup: ${describe(error)}`));
    }
  })());
}

async function main(): Promise<number> {
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  let redis: Redis;
  try {
    redis = await connectDemoRedis(redisUrl);
  } catch (error) {
    console.error(redisHelp(redisUrl, describe(error)));
    return 1;
  }
  const prefix = `demo-${randomUUID().slice(0, 8)}`;
  let removed = 0;
  track(() => redis.quit());
  track(async () => (removed = await removePrefix(redis, prefix)));

  const samples = await buildSampleMessages();
  const imap = await startDemoImap({ messages: samples });
  track(() => imap.close());
  const sink = await startDemoSmtpSink();
  track(() => sink.close());
  const config = demoConfig({ redisUrl, prefix, imap, smtpPort: sink.port });
  const mailbox = config.mailboxes[0];
  if (mailbox === undefined) throw new Error('the demo configuration has no mailbox');

  console.log(
    [
      `applicant-triage demo: the whole pipeline on ${samples.length} sample messages\n`,
      `  Redis   ${redactUrl(redisUrl)}, keys under "${prefix}:" (removed at the end)`,
      `  IMAP    ${imap.host}:${imap.port} in this process, ${samples.length} messages in INBOX`,
      `  SMTP    127.0.0.1:${sink.port} in this process, records what it is sent`,
      '  Daemon  the real one, as `npm start` runs it; its warnings go to stderr',
      '          (expect two saying the demo IMAP server offers no TLS)\n',
    ].join('\n'),
  );
  const messages = await explainSamples(samples, config, mailbox.id);

  // The demo's own view of the mailbox, as a mail client has it.
  const auth = { user: imap.user, pass: imap.pass };
  const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  track(() => client.logout().catch(() => client.close()));

  const started = Date.now();
  const daemon = await startDaemon(config, createLogger('warn', pino.destination(2)));
  track(() => daemon.stop());
  const keys = redisKeys(prefix);
  const store = new CandidateStore(redis, keys);
  const vacancyIds = config.vacancies.map((vacancy) => vacancy.id);
  console.log('Waiting for the daemon to triage every message and file every application...');
  const messageKeys = messages.map((message) => message.key);
  const probe = { redis, keys, store, imap: client, mailboxId: mailbox.id, watch: mailbox.watch };
  const seen = await waitUntilProcessed(
    { ...probe, vacancyIds, messageKeys },
    WAIT_SECONDS * 1000,
    interruption.signal,
  );
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);

  const candidates = await store.list(vacancyIds);
  const folders = await readFolders(client);
  console.log(
    formatReport({
      messages,
      seen,
      candidates,
      folders,
      watch: mailbox.watch,
      sentMessages: sink.received.length,
    }),
  );
  await cleanUp();
  console.log(`\nStopped the daemon and both servers; removed the ${removed} Redis keys under "${prefix}:".`);
  console.log(
    [
      '\nTo run it on your own mailbox:',
      '  cp config/triage.example.yaml config/triage.yaml   # then edit: Redis, IMAP, SMTP, vacancies, tags',
      '  npm run triage -- check                            # checks the file, reaches Redis, IMAP and SMTP',
      '  npm start                                          # runs the daemon',
    ].join('\n'),
  );
  return 0;
}

/** What `explain` says about each sample, from the same parser the daemon uses. */
async function explainSamples(
  samples: readonly SampleMessage[],
  config: Config,
  mailboxId: string,
): Promise<ReportedMessage[]> {
  const messages: ReportedMessage[] = [];
  const templates = await loadVacancyTemplates(config);
  for (const sample of samples) {
    const { facts } = await parseMessage(Buffer.from(sample.raw, 'utf8'), config.limits);
    const explanation = explainMessage(facts, config, mailboxId, templates);
    messages.push({ shows: sample.shows, facts, key: messageKey(facts), explanation });
  }
  return messages;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The demo stops at its next step and cleans up; a second signal gets the default behaviour (exit at once).
function onSignal(signal: NodeJS.Signals): void {
  console.error(`\n${signal}: stopping the daemon and removing the demo's Redis keys...`);
  interruption.abort();
}
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

const code = await main().catch((error: unknown) => {
  if (!interruption.signal.aborted) console.error(`\nThe demo failed: ${describe(error)}`);
  return 1;
});
await cleanUp();
process.exitCode = interruption.signal.aborted ? 130 : code;
// Everything is closed by now; should a handle linger anyway, do not leave the user waiting on it.
setTimeout(() => {
  console.error('warning: something kept the demo process alive after cleanup; exiting anyway');
  process.exit(code);
}, 5_000).unref();
