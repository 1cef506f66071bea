import { afterAll, afterEach, beforeAll } from 'vitest';
import { openCandidateStore } from './open-candidate-store.ts';
import type { CandidateStore } from '../../src/adapters/redis/candidate-store.ts';
import { Redis } from 'ioredis';
import type { Config } from '../../src/config/schema.ts';
import { startDaemon, type Daemon } from '../../src/daemon/start-daemon.ts';
import { captureLogs, type CapturedLogs } from './capture-logs.ts';
import { startDovecot, type DovecotServer } from './dovecot.ts';
import { openImapTestClient, type ImapTestClient } from './imap-test-client.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from './redis-prefix.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { testConfig } from './test-config.ts';
import { waitFor } from './wait-for.ts';

/** One test's world: a fresh Dovecot user, Redis prefix and configuration. */
export interface TestMailbox {
  login: { user: string; pass: string };
  prefix: string;
  config: Config;
  mail: ImapTestClient;
  store: CandidateStore;
  /** The vacancy `robust-ai`'s filing folder as this server spells it (Dovecot's Maildir delimiter is '.'). */
  filed: string;
}

/**
 * Registers a Dovecot, an SMTP sink and a Redis connection for the whole file, and undoes every test's users,
 * daemons and keys after it.
 */
export function useDaemonEnvironment() {
  const servers = {} as { dovecot: DovecotServer; sink: SmtpSink; redis: Redis };
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    servers.dovecot = await startDovecot();
    servers.sink = await startSmtpSink();
    servers.redis = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    // Each test starts with an empty, accepting sink.
    servers.sink.messages.length = 0;
    servers.sink.attempts.length = 0;
    servers.sink.refuse(0, 250);
    servers.sink.dropAfterData(0);
    servers.sink.onReceived(null);
  });
  afterAll(async () => {
    servers.redis.disconnect();
    await servers.sink.close();
    await servers.dovecot.stop();
  });

  const setup = async (name: string, overrides: Record<string, unknown> = {}): Promise<TestMailbox> => {
    const { dovecot, sink, redis } = servers;
    const login = await dovecot.createUser(name);
    const prefix = uniquePrefix(name);
    const imap = { host: dovecot.host, port: dovecot.port, ...login };
    const config = testConfig({ imap, smtpPort: sink.port, prefix }, overrides);
    const mail = await openImapTestClient(dovecot, login);
    cleanups.push(
      () => removePrefix(prefix),
      () => mail.close(),
    );
    const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}robust-ai`;
    return { login, prefix, config, mail, store: await openCandidateStore(redis, prefix), filed };
  };

  const start = async (config: Config): Promise<{ daemon: Daemon; logs: CapturedLogs }> => {
    const logs = captureLogs();
    const daemon = await startDaemon(config, logs.logger);
    cleanups.push(() => daemon.stop());
    return { daemon, logs };
  };

  return { servers, setup, start, cleanups };
}

/** Waits until a message is in a folder. */
export function waitForMessage(mail: ImapTestClient, folder: string, messageId: string): Promise<true> {
  return waitFor(`${messageId} in ${folder}`, async () =>
    (await mail.messageIds(folder)).includes(messageId) ? true : undefined,
  );
}
