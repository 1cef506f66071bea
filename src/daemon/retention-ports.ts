import { removePersonJobs } from '../adapters/queues/remove-person-jobs.ts';
import { CandidateEraser } from '../adapters/redis/candidate-eraser.ts';
import { decisionLedgerKinds } from '../config/decision-schema.ts';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { EnquiryStore } from '../adapters/redis/enquiry-store.ts';
import { PersonTraces } from '../adapters/redis/person-traces.ts';
import { PurgeLock } from '../adapters/redis/purge-lock.ts';
import { ReferenceHoldStore } from '../adapters/redis/reference-hold-store.ts';
import { retentionDefaults } from '../config/retention-schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { StageServices } from '../runtime/stage-services.ts';
import type { RetentionPurgePorts } from './retention-purge.ts';

/**
 * The retention purge's ports over this process's services: the candidate store and eraser, the queues' jobs,
 * the filed mail, the purge lock (outliving a killed holder by `workers.stalledSeconds`) and the audit trail.
 */
export function retentionPorts(services: StageServices, owner: string, logger: Logger): RetentionPurgePorts {
  const { config, redis, keys, personal } = services;
  const traces = new PersonTraces(redis, keys, personal);
  const hashAddress = (address: string) => personal.hashAddress(address);
  // Runs `expire` on every mailbox, one after another; how many entries went in all.
  const eachMailbox = async (expire: (mailboxId: string) => Promise<number>): Promise<number> => {
    let removed = 0;
    for (const mailbox of config.mailboxes) removed += await expire(mailbox.id);
    return removed;
  };
  return {
    config,
    candidates: new CandidateStore(redis, keys, personal),
    erasures: new CandidateEraser(redis, keys, personal, decisionLedgerKinds(config)),
    removeJobs: (candidateIds) =>
      removePersonJobs(redis, keys, config.redis.prefix, {
        candidateIds,
        addressHashes: new Set(),
        hashAddress,
      }),
    exportDir: config.export?.dir ?? null,
    removeMail: (mailboxId, folder, messageIds, removal) =>
      services.filedMail.remove(mailboxId, folder, messageIds, removal),
    expireEnquiries: (expired) => {
      const log = new EnquiryStore(redis, keys, personal);
      return eachMailbox((mailboxId) => log.expire(mailboxId, expired));
    },
    expireHeldReferences: (expired) => {
      const holds = new ReferenceHoldStore(redis, keys, personal);
      return eachMailbox((mailboxId) => holds.expire(mailboxId, expired));
    },
    lock: new PurgeLock(redis, keys),
    audit: (entry) => traces.audit(entry),
    owner,
    logger,
    checkMs: (config.retention ?? retentionDefaults).checkSeconds * 1000,
    lockMs: config.workers.stalledSeconds * 1000,
  };
}
