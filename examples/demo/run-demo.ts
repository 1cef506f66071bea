import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { pino } from 'pino';
import { CandidateStore } from '../../src/adapters/redis/candidate-store.ts';
import { SentRecipientsStore } from '../../src/adapters/redis/sent-recipients-store.ts';
import { createRegistrationLookup } from '../../src/adapters/files/registration-lookup.ts';
import { candidateRegistrations } from '../../src/stages/digests/digest-vacancy.ts';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { messageKey } from '../../src/mail/message-key.ts';
import { parseMessage } from '../../src/mail/parse-message.ts';
import { startDaemon } from '../../src/daemon/start-daemon.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';
import { checkAcknowledgements } from './check-acknowledgements.ts';
import { demoConfig } from './demo-config.ts';
import { reachRedis, redactUrl } from '../../src/adapters/redis/reach-redis.ts';
import type { RedisClient } from '../../src/adapters/redis/redis-client.ts';
import { DEFAULT_REDIS_URL, redisHelp, removePrefix } from './demo-redis.ts';
import { explainSamples } from './explain-samples.ts';
import { sentToColleague, writeDemoRegistrations } from './sample-calls.ts';
import { formatReport } from './format-report.ts';
import { plural } from '../../src/domain/plural.ts';
import { readFolders } from './read-folders.ts';
import { readReceivedMail } from './received-mail.ts';
import { matchSentReplies } from './reply-outcomes.ts';
import { buildSampleMessages, type SampleMessage } from './sample-applications.ts';
import { clearReplies, saveReplies, shownDir } from './save-replies.ts';
import { showDigest } from './show-digest.ts';
import { startDemoImap } from './start-demo-imap.ts';
import { waitUntilProcessed } from './wait-until-processed.ts';
import { splitReview } from '../../src/candidates/review-state.ts';

const WAIT_SECONDS = 60;
/** The daemon's log (pino JSON lines), beside the replies in the git-ignored demo-output/. */
const DAEMON_LOG = fileURLToPath(new URL('../../demo-output/daemon.log', import.meta.url));
/** The registration form's responses the first vacancy's candidates are checked against. */
const REGISTRATIONS = fileURLToPath(new URL('../../demo-output/registrations.csv', import.meta.url));

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
  let redis: RedisClient;
  try {
    redis = await reachRedis({ url: redisUrl }, 'demo');
  } catch (error) {
    console.error(redisHelp(describe(error)));
    return 1;
  }
  const prefix = `demo-${randomUUID().slice(0, 8)}`;
  let removed = 0;
  track(() => redis.quit());
  track(async () => (removed = await removePrefix(redis, prefix)));
  await clearReplies();
  // The daemon logs to a file, so that its warnings (no TLS on the demo servers) stay out of the report.
  const logger = createLogger('info', pino.destination({ dest: DAEMON_LOG, sync: true, append: false }));

  const samples = await buildSampleMessages();
  const imap = await startDemoImap({
    messages: samples.filter((sample) => !sample.later),
    sent: [{ raw: sentToColleague(new Date(Date.now() - 30 * 24 * 3600_000)) }],
  });
  track(() => imap.close());
  const sink = await startSmtpSink();
  track(() => sink.close());
  await writeDemoRegistrations(REGISTRATIONS);
  const config = demoConfig({ redisUrl, prefix, imap, smtpPort: sink.port }, REGISTRATIONS);
  const mailbox = config.mailboxes[0];
  if (mailbox === undefined) throw new Error('the demo configuration has no mailbox');

  console.log(
    [
      `applicant-triage demo: the whole pipeline on ${plural(samples.length, 'sample message')}\n`,
      `  Redis   ${redactUrl(redisUrl)}, keys under "${prefix}:" (removed at the end)`,
      `  IMAP    ${imap.host}:${imap.port} in this process, ${inboxAtStart(samples)}`,
      `  SMTP    127.0.0.1:${sink.port} in this process, keeps what it is sent (saved in ${shownDir()})`,
      `  Daemon  the real one, as \`npm start\` runs it; its log goes to ${shown(DAEMON_LOG)}\n`,
    ].join('\n'),
  );

  // The demo's own view of the mailbox, as a mail client has it.
  const auth = { user: imap.user, pass: imap.pass };
  const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  track(() => client.logout().catch(() => client.close()));

  const started = Date.now();
  const daemon = await startDaemon(config, logger);
  track(() => daemon.stop());
  const keys = redisKeys(prefix);
  const personal = await openPersonalData(redis, keys, config.security);
  const store = new CandidateStore(redis, keys, personal);
  const sampleKeys = await Promise.all(
    samples.map(async (sample) =>
      messageKey((await parseMessage(Buffer.from(sample.raw), config.limits)).facts),
    ),
  );
  const vacancyIds = config.vacancies.map((vacancy) => vacancy.id);
  const replyRules = { vacancies: config.vacancies, settings: config.replies };
  const delivered = async () =>
    new Set((await readReceivedMail(sink.messages)).map((mail) => mail.facts?.messageId ?? null));
  const probe = { redis, keys, store, imap: client, mailboxId: mailbox.id, watch: mailbox.watch };
  // Until every message given was triaged, every application filed, and every reply decided and delivered.
  const processed = (keep: (sample: SampleMessage) => boolean) =>
    waitUntilProcessed(
      { ...probe, vacancyIds, replyRules, delivered, messageKeys: keysOf(sampleKeys, samples, keep) },
      WAIT_SECONDS * 1000,
      interruption.signal,
    );
  console.log('Waiting for the daemon to triage every message, file every application and answer it...');
  await processed((sample) => !sample.later);
  for (const [index, sample] of samples.entries()) {
    if (!sample.later) continue;
    console.log(`Then message ${index + 1} arrives: ${sample.shows}.`);
    await client.append(mailbox.watch, Buffer.from(sample.raw, 'utf8'), [], sample.internaldate);
  }
  const seen = await processed(() => true);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  // Explained as the daemon decides: with whom the mailbox wrote to (its Sent folder), read when it started.
  const messages = await explainSamples(
    samples,
    config,
    mailbox.id,
    new SentRecipientsStore(redis, keys, personal),
  );

  const { candidates, review } = splitReview(await store.list(vacancyIds));
  const folders = await readFolders(client);
  const inboxIds = messages.map((message) => message.facts.messageId);
  const received = await readReceivedMail(sink.messages);
  const saved = await saveReplies(matchSentReplies(received, candidates, inboxIds));
  const check = checkAcknowledgements(candidates, saved);
  const replies = { rules: replyRules, saved, dir: shownDir(), check };
  const forms = createRegistrationLookup(process.cwd());
  const registrations = await candidateRegistrations(forms, config, candidates);
  const report = {
    messages,
    seen,
    candidates,
    review,
    folders,
    watch: mailbox.watch,
    registrations,
    ...replies,
  };
  console.log(formatReport(report));
  console.log(`\n${(await showDigest(config, () => sink.messages, logger)).join('\n')}`);
  await cleanUp();
  console.log(
    `\nStopped the daemon and both servers; removed the ${plural(removed, 'Redis key')} under "${prefix}:".`,
  );
  console.log(
    [
      '\nTo run it on your own mailbox:',
      '  cp config/triage.example.yaml config/triage.yaml   # then edit: Redis, IMAP, SMTP, vacancies, tags',
      '  npm run triage -- check                            # checks the file, reaches Redis, IMAP and SMTP',
      '  npm start                                          # runs the daemon',
    ].join('\n'),
  );
  if (check.ok) return 0;
  console.error(
    '\nThe demo failed: the acknowledgements are not what they should be (see the warning above).',
  );
  return 1;
}

function inboxAtStart(samples: readonly SampleMessage[]): string {
  const later = samples.filter((sample) => sample.later).length;
  const atStart = `${plural(samples.length - later, 'message')} in INBOX`;
  return later === 0 ? atStart : `${atStart}, ${later} more delivered during the run`;
}

function keysOf(
  keys: readonly string[],
  samples: readonly SampleMessage[],
  keep: (sample: SampleMessage) => boolean,
): string[] {
  return keys.filter((_, index) => samples[index] && keep(samples[index]));
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
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
