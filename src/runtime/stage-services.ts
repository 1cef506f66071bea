import type { RedisClient } from '../adapters/redis/redis-client.ts';
import { DaemonMetrics } from '../adapters/http/daemon-metrics.ts';
import { FiledMailRemover } from '../adapters/imap/filed-mail-remover.ts';
import { ImapMailboxGateway } from '../adapters/imap/imap-mailbox-gateway.ts';
import { MailboxConnections } from '../adapters/imap/mailbox-connections.ts';
import type { MailboxLogins } from '../adapters/oauth/mailbox-logins.ts';
import { openMailboxLogins, requireTokenKey } from '../adapters/oauth/open-mailbox-logins.ts';
import { createQueues, type PipelineQueues } from '../adapters/queues/create-queues.ts';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { MemoryBudget } from './memory-budget.ts';
import { collectGarbage } from './collect-garbage.ts';
import { availableParallelism, tmpdir } from 'node:os';
import { AttachmentSpool } from '../mail/attachment-spool.ts';
import { HostProcesses } from '../adapters/redis/host-processes.ts';
import { readersPerProcess } from '../documents/readers-per-process.ts';
import { ConnectionSlots } from '../adapters/redis/connection-slots.ts';
import { connectRedis } from '../adapters/redis/connect-redis.ts';
import { DeadLetterStore } from '../adapters/redis/dead-letters.ts';
import { DigestStore } from '../adapters/redis/digest-store.ts';
import { EnquiryStore } from '../adapters/redis/enquiry-store.ts';
import { redisKeys, type RedisKeys } from '../adapters/redis/redis-keys.ts';
import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { loadRedisScripts } from '../adapters/redis/redis-scripts.ts';
import { ReplyGuards } from '../adapters/redis/reply-guards.ts';
import { loadReplyKey } from '../adapters/redis/reply-key-store.ts';
import { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import { SentReplies } from '../adapters/redis/sent-replies.ts';
import { SeenStore } from '../adapters/redis/seen-store.ts';
import { ReferenceHoldStore } from '../adapters/redis/reference-hold-store.ts';
import { SentRecipientsStore } from '../adapters/redis/sent-recipients-store.ts';
import { createRegistrationLookup } from '../adapters/files/registration-lookup.ts';
import { ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import { ownAddresses } from '../config/own-addresses.ts';
import type { Config } from '../config/schema.ts';
import { DocumentPool } from '../documents/document-pool.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { PersonalData } from '../privacy/personal-data.ts';
import type { AssessStagePorts } from '../stages/assess/run-assess.ts';
import type { DigestStagePorts } from '../stages/digests/run-digest.ts';
import type { EnquiryStagePorts } from '../stages/enquiries/run-enquiry.ts';
import type { IngestStagePorts } from '../stages/ingest/run-ingest.ts';
import { loadVacancyTemplates } from '../stages/replies/load-vacancy-templates.ts';
import type { ReplyStagePorts } from '../stages/replies/run-reply.ts';

// A message at least this large (its size on the server) is followed by a full garbage collection.
const COLLECT_AFTER_BYTES = 4 * 1024 * 1024;
// An attachment at least this large is decoded into the spool, not into memory (README "Where the memory goes").
const SPOOL_FROM_BYTES = 1024 * 1024;

/** Everything the stages of one process use: the adapters behind their ports, opened once and shared. */
export interface StageServices {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  keys: RedisKeys;
  /** How personal data is sealed and addresses hashed. */
  personal: PersonalData;
  queues: PipelineQueues;
  deadLetters: DeadLetterStore;
  /** This process's Prometheus metrics, fed by the stages. */
  metrics: DaemonMetrics;
  /** How each mailbox logs in to IMAP and SMTP (passwords or shared OAuth2 tokens). */
  logins: MailboxLogins;
  /** The cap on each mailbox's IMAP connections across every process (`mailboxes[].maxConnections`). */
  slots: ConnectionSlots;
  /** Deletes or moves filed messages over the workers' IMAP connections (the retention purge's mail option). */
  filedMail: FiledMailRemover;
  /** The workers' IMAP connections (the mailbox watchers run their sync passes on them). */
  connections: MailboxConnections;
  ingest: IngestStagePorts;
  assess: AssessStagePorts;
  replies: ReplyStagePorts;
  enquiries: EnquiryStagePorts;
  digests: DigestStagePorts;
  /** Disconnects everything (after the workers have stopped). */
  close(): Promise<void>;
}

/**
 * Opens the adapters (Redis, queues, IMAP connections, SMTP transports, the document reader) and wires every
 * stage's ports to them, after loading every reply template and Redis script (a bad or missing one stops the start
 * with an error naming it).
 */
export async function openStageServices(config: Config, logger: Logger): Promise<StageServices> {
  const templates = await loadVacancyTemplates(config);
  loadRedisScripts();
  const tokenKey = requireTokenKey(config);
  const keys = redisKeys(config.redis.prefix);
  const redis = connectRedis(config.redis, logger, { name: 'store' });
  const { logins } = openMailboxLogins(redis, keys, logger, tokenKey);
  const queueConnection = connectRedis(config.redis, logger, { name: 'queues' });
  const queues = createQueues(queueConnection, config.redis.prefix, config.workers.attempts, logger);
  const slots = new ConnectionSlots(redis, keys);
  const { maxMessageBytes } = config.limits;
  const connections = new MailboxConnections(config.mailboxes, logger, maxMessageBytes, logins, slots);
  const spool = await AttachmentSpool.open(config.workers.spoolDir ?? tmpdir(), SPOOL_FROM_BYTES);
  const gateway = new ImapMailboxGateway(connections, config.limits, spool);
  const host = new HostProcesses(redis, keys);
  const cores = availableParallelism();
  const pool = new DocumentPool(config.extraction, () => readersPerProcess(cores, host.count));
  const metrics = new DaemonMetrics();
  const reader = metrics.timed(pool);
  const personal = await openPersonalData(redis, keys, config.security);
  const ledgerKeys = { ...keys, addressHash: (address: string) => personal.hashAddress(address) };
  const candidates = new CandidateStore(redis, keys, personal);
  const guards = new ReplyGuards(redis, keys, personal);
  const sent = new SentReplies(redis, keys, personal);
  const replyKey = await loadReplyKey(redis, keys, config.security.secret);
  const own = ownAddresses(config);
  const delivery = {
    ledger: new ReplyLedger(redis),
    transport: new ReplyTransports(config.mailboxes, logins),
    guards,
    sent,
    replyKey,
    gateway,
    replies: config.replies,
    ownAddresses: own,
  };
  const common = { config, candidates, gateway, logger };
  const registrations = createRegistrationLookup(process.cwd());
  const sentRecipients = new SentRecipientsStore(redis, keys, personal);
  return {
    config,
    logger,
    redis,
    keys,
    personal,
    queues,
    deadLetters: new DeadLetterStore(redis, keys),
    metrics,
    logins,
    slots,
    filedMail: new FiledMailRemover(connections, config.mailboxes),
    connections,
    ingest: {
      ...common,
      seen: new SeenStore(redis, keys),
      holds: new ReferenceHoldStore(redis, keys, personal),
      addressHash: ledgerKeys.addressHash,
      guards,
      sent,
      replyKey,
      assess: queues.assess,
      enquiries: queues.enquiries,
      replies: queues.replies,
      reader,
      memory: new MemoryBudget(config.workers.inFlightMb * 1024 * 1024, {
        fromBytes: COLLECT_AFTER_BYTES,
        run: collectGarbage,
      }),
      ownAddresses: own,
      sentRecipients,
    },
    assess: { ...common, replies: queues.replies },
    replies: { ...delivery, ...common, keys: ledgerKeys, templates, registrations },
    enquiries: {
      ...delivery,
      config,
      gateway,
      enquiries: new EnquiryStore(redis, keys, personal),
      keys: ledgerKeys,
      templates,
      logger,
    },
    digests: {
      ...delivery,
      config,
      candidates,
      digests: new DigestStore(redis, keys),
      keys: ledgerKeys,
      registrations,
      logger: logger.child({ component: 'digests' }),
    },
    close: async () => {
      host.stop();
      await connections.closeAll();
      await pool.close();
      await spool.close();
      await queues.close();
      await Promise.all([redis.quit(), queueConnection.quit()].map((quit) => quit.catch(() => undefined)));
    },
  };
}
