import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { MailboxConnections } from '../adapters/imap/mailbox-connections.ts';
import type { PipelineQueues } from '../adapters/queues/create-queues.ts';
import type { CandidateStore } from '../adapters/redis/candidate-store.ts';
import type { RedisKeys } from '../adapters/redis/redis-keys.ts';
import type { DocumentReader } from '../documents/read-documents.ts';

/** What the stage workers share within one daemon process. */
export interface StageDependencies {
  config: Config;
  redis: Redis;
  keys: RedisKeys;
  store: CandidateStore;
  queues: PipelineQueues;
  connections: MailboxConnections;
  ownAddresses: ReadonlySet<string>;
  /** Reads attachments in worker threads. */
  reader: DocumentReader;
  logger: Logger;
}
