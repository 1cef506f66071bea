import type { PurgeLock } from '../adapters/redis/purge-lock.ts';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { CandidateRecords } from '../ports/candidate-records.ts';
import type { CandidateErasures, ErasurePorts } from '../ports/erasure-ports.ts';
import { add, eraseCandidates, finishErasures, noErasure } from '../privacy/erase-candidates.ts';
import {
  enquiryExpired,
  heldReferenceExpired,
  planRetention,
  retentionRule,
  type VacancyPurge,
} from '../privacy/plan-retention.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { HeldReference } from '../candidates/held-reference.ts';
import { runEvery, type Periodic } from './run-every.ts';

/** Candidates erased per call of eraseCandidates: a stop waits for at most one batch. */
const BATCH = 100;

/** What the purge uses. */
export interface RetentionPurgePorts {
  config: Pick<Config, 'retention' | 'vacancies'>;
  candidates: Pick<CandidateRecords, 'list'>;
  erasures: CandidateErasures;
  removeJobs: ErasurePorts['removeJobs'];
  exportDir: string | null;
  removeMail: ErasurePorts['removeMail'];
  /** Removes the enquiry log entries (all mailboxes) that `expired` says are past; how many went. */
  expireEnquiries(expired: (at: string) => boolean): Promise<number>;
  /** Removes the held referees' letters (all mailboxes) that `expired` says are past; how many went. */
  expireHeldReferences(expired: (held: HeldReference) => boolean): Promise<number>;
  lock: Pick<PurgeLock, 'acquire' | 'renew' | 'release'>;
  /** Appends to the privacy audit trail (counts only). */
  audit(entry: Record<string, unknown>): Promise<void>;
  owner: string;
  logger: Logger;
  /** How often the daemon looks for data that is due. */
  checkMs: number;
  /** How long the lock outlives a process killed while purging. */
  lockMs: number;
}

/** A running purge. */
export interface RetentionPurge {
  /** Lets a purge under way finish its batch, and stops. */
  stop(): Promise<void>;
}

/**
 * Applies `retention` at start and every check: under the cross-process lock, finishes the erasures a stopped run
 * left, then erases (deletes or anonymises) the candidates that are due, with their filed mail when the rule says
 * so. Logs and audits counts only; a failed run is logged and tried again at the next check.
 */
export function startRetentionPurge(ports: RetentionPurgePorts): RetentionPurge {
  const log = ports.logger.child({ component: 'retention' });
  let stopping = false;
  const purge = () => purgeOnce(ports, log, () => stopping);
  const failed = (error: unknown): void => {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn({ reason }, 'retention purge failed; tried again at the next check');
  };
  let periodic: Periodic | null = null;
  const first = purge()
    .catch(failed)
    .then(() => {
      if (!stopping) periodic = runEvery(ports.checkMs, purge, failed);
    });
  return {
    stop: async () => {
      stopping = true;
      await first;
      await periodic?.stop();
    },
  };
}

async function purgeOnce(ports: RetentionPurgePorts, log: Logger, stopping: () => boolean): Promise<void> {
  const { config, lock, owner, lockMs } = ports;
  if (!(await lock.acquire(owner, lockMs))) {
    log.debug('another process is purging');
    return;
  }
  // A lost lock is no danger (erasing twice finds nothing the second time), only wasted work.
  const renewal = setInterval(() => {
    void lock.renew(owner, lockMs).catch(() => false);
  }, lockMs / 3);
  renewal.unref();
  try {
    await finishLeftovers(ports, log);
    const vacancyIds = config.vacancies
      .filter((vacancy) => retentionRule(config, vacancy) !== null)
      .map((vacancy) => vacancy.id);
    const plan = planRetention(config, await ports.candidates.list(vacancyIds), new Date());
    for (const purge of plan.purges) if (!stopping()) await eraseDue(ports, log, purge, stopping);
    if (!stopping()) await expireEnquiries(ports, log);
    if (!stopping()) await expireHeldReferences(ports, log);
  } finally {
    clearInterval(renewal);
    await lock.release(owner).catch(() => undefined);
  }
}

// A run killed after the atomic step left journal entries: their records are gone, the rest is finished here as
// each began (its journal entry says what becomes of the mail).
async function finishLeftovers(ports: RetentionPurgePorts, log: Logger): Promise<void> {
  const erasures = (await ports.erasures.pending()).length;
  if (erasures === 0) return;
  const counts = await finishErasures(erasurePorts(ports));
  log.info({ erasures, counts }, 'finished the erasures a stopped run left');
  await ports.audit({ at: new Date().toISOString(), action: 'erasures-finished', erasures, counts });
}

// Enquirers' log entries go the top-level period after their enquiry (the ledger keeps their keyed hash).
async function expireEnquiries(ports: RetentionPurgePorts, log: Logger): Promise<void> {
  const now = new Date();
  const enquiries = await ports.expireEnquiries((at) => enquiryExpired(ports.config, at, now));
  if (enquiries === 0) return;
  log.info({ enquiries }, 'retention purge of the enquiry log');
  await ports.audit({ at: now.toISOString(), action: 'retention-enquiries', enquiries });
}

// A referee's letter that never found its applicant goes when a candidate of its vacancy would have.
async function expireHeldReferences(ports: RetentionPurgePorts, log: Logger): Promise<void> {
  const now = new Date();
  const references = await ports.expireHeldReferences((held) =>
    heldReferenceExpired(ports.config, held, now),
  );
  if (references === 0) return;
  log.info({ references }, "retention purge of the referees' held letters");
  await ports.audit({ at: now.toISOString(), action: 'retention-references', references });
}

async function eraseDue(
  ports: RetentionPurgePorts,
  log: Logger,
  purge: VacancyPurge<CandidateRecord>,
  stopping: () => boolean,
): Promise<void> {
  const { vacancy, rule } = purge;
  const counts = noErasure();
  try {
    for (let start = 0; start < purge.due.length && !stopping(); start += BATCH) {
      const batch = purge.due.slice(start, start + BATCH);
      add(counts, await eraseCandidates(erasurePorts(ports), batch, rule.action, rule.mail));
    }
  } finally {
    // What was done is recorded even when a later batch failed (its erasures are finished by the next run).
    if (counts.candidates > 0) {
      log.info({ vacancy, mode: rule.action, counts }, 'retention purge');
      const at = new Date().toISOString();
      await ports.audit({ at, action: 'retention', vacancy, mode: rule.action, counts });
    }
  }
}

// The erasure ports of the purge.
function erasurePorts(ports: RetentionPurgePorts): ErasurePorts {
  const { erasures, removeJobs, exportDir, removeMail } = ports;
  return { erasures, removeJobs, exportDir, removeMail };
}
