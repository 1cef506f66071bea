import type { RedisClient } from './redis-client.ts';
import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import { REPLY_KINDS } from '../../domain/reply-kinds.ts';
import { shortHash } from '../../domain/short-hash.ts';
import type {
  CandidateErasure,
  CandidateErasures,
  ErasureMode,
  MailRemoval,
} from '../../ports/erasure-ports.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';
import { erasureStatistics, planCandidateErasure } from '../../privacy/plan-erasure.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';
import { ReplyLedger } from './reply-ledger.ts';

/**
 * Erases candidates from Redis: each in one atomic step (record, indexes, digest changes), with a journal entry
 * that stays until the rest (seen index links, jobs, files, mail) is finished, so an erasure killed midway is
 * finished by the next run and never leaves half a candidate visible.
 */
export class CandidateEraser implements CandidateErasures {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;
  private readonly ledgerKinds: readonly string[];

  /** `ledgerKinds`: the reply kinds kept in the ledger (replyLedgerKinds: each decision status is one). */
  constructor(
    redis: RedisClient,
    keys: RedisKeys,
    personal: PersonalData,
    ledgerKinds: readonly string[] = REPLY_KINDS,
  ) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
    this.ledgerKinds = ledgerKinds;
  }

  /**
   * Erases one candidate: first their reply-ledger entries lose what may quote their address (the entries stay,
   * by keyed hash, so they are never acknowledged twice), then the record goes atomically. Returns the plan of
   * what is left to finish (false `existed`: someone else erased it first).
   */
  async erase(
    record: CandidateRecord,
    mode: ErasureMode,
    removal: MailRemoval,
  ): Promise<CandidateErasure & { existed: boolean }> {
    await this.scrubLedger(record.vacancy, record.email);
    const plan = planCandidateErasure(record, this.personal.hashAddress(record.email), removal);
    const statistics = mode === 'anonymise' ? Object.entries(erasureStatistics(record)) : [];
    const journalKey = this.keys.erasures();
    const existed = await runScript(
      this.redis,
      'candidate-erase',
      this.keys.candidate(record.id),
      this.keys.candidatesOfVacancy(record.vacancy),
      this.keys.candidateByAddress(record.vacancy),
      this.keys.threads(),
      this.keys.changedCandidates(record.vacancy),
      this.keys.createdCandidates(record.vacancy),
      journalKey,
      this.keys.vacancyStatistics(record.vacancy),
      record.id,
      plan.addressHash,
      record.email.toLowerCase(),
      `${record.vacancy} ${record.id}`,
      this.personal.seal(JSON.stringify(plan), `${journalKey}/${record.id}`),
      String(statistics.length),
      ...statistics.flatMap(([field, count]) => [field, String(count)]),
      ...plan.threadIds,
    );
    return { ...plan, existed: existed === 1 };
  }

  /** Erasures recorded but not finished (a run was killed after the atomic step). */
  async pending(): Promise<CandidateErasure[]> {
    const journalKey = this.keys.erasures();
    const entries = await this.redis.hgetall(journalKey);
    return Object.entries(entries).map(
      ([id, stored]) => JSON.parse(this.personal.open(stored, `${journalKey}/${id}`)) as CandidateErasure,
    );
  }

  /** Keeps their messages in the seen index (never processed again) but no longer linked to the candidate. */
  async unlinkSeen(plan: CandidateErasure): Promise<void> {
    for (const { mailbox, key } of plan.seen) {
      const seenKey = this.keys.seen(mailbox);
      const stored = await this.redis.hget(seenKey, key);
      if (stored === null) continue;
      const summary = JSON.parse(stored) as { candidateId?: string | null };
      if (summary.candidateId !== plan.candidateId) continue;
      await this.redis.hset(seenKey, key, JSON.stringify({ ...summary, candidateId: null }));
    }
  }

  /** The erasure is finished: its journal entry goes. */
  async finish(candidateId: string): Promise<void> {
    await this.redis.hdel(this.keys.erasures(), candidateId);
  }

  /**
   * The reply-ledger entries of an address in a scope (a vacancy, or `mailbox-<id>` for enquiries): moved from an
   * unkeyed hash to the keyed one if needed, and stripped of the server's last answer, which may quote the address.
   */
  async scrubLedger(scope: string, address: string): Promise<number> {
    const ledger = new ReplyLedger(this.redis);
    let kept = 0;
    for (const kind of this.ledgerKinds) {
      const key = this.keys.replyLedger(scope, this.personal.hashAddress(address), kind);
      await ledger.adopt(key, this.keys.replyLedger(scope, shortHash(address), kind));
      const [, exists] = (await this.redis.multi().hdel(key, 'detail').exists(key).exec()) ?? [];
      if (exists?.[1] === 1) kept += 1;
    }
    return kept;
  }
}
