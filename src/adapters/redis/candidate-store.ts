import type { Redis } from 'ioredis';
import type { DocumentKind } from '../../config/schema.ts';
import {
  candidateRecordSchema,
  type CandidateFlag,
  type CandidateRecord,
  type ReplyRecord,
} from '../../candidates/candidate-record.ts';
import {
  mergeCandidate,
  type IncomingApplication,
  type MergeResult,
} from '../../candidates/merge-candidate.ts';
import { shortHash, type RedisKeys } from './redis-keys.ts';

// Writes the merged record only if the stored one is still the one the merge started from (compare-and-set),
// then indexes it by vacancy, address and Message-ID, and — for a new candidate or new documents — stamps the
// change with the next global sequence number (what digests read), all in one atomic step.
const SAVE = `
if (redis.call('get', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('set', KEYS[1], ARGV[2])
redis.call('zadd', KEYS[2], 'NX', ARGV[3], ARGV[4])
redis.call('hset', KEYS[3], ARGV[5], ARGV[4])
if ARGV[7] ~= 'none' then
  local seq = redis.call('incr', KEYS[5])
  redis.call('zadd', KEYS[6], seq, ARGV[4])
  if ARGV[7] == 'created' then redis.call('zadd', KEYS[7], 'NX', seq, ARGV[4]) end
end
for i = 8, #ARGV do redis.call('hset', KEYS[4], ARGV[i], ARGV[6]) end
return 1`;

/** What a save changes for the digests: a new candidate, new documents, or nothing they report. */
type ChangeKind = 'created' | 'updated' | 'none';

const MAX_ATTEMPTS = 20;

/** Candidate records in Redis: one per (vacancy, applicant), found again by address or by thread. */
export class CandidateStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;

  constructor(redis: Redis, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** The first candidate (and its vacancy) that one of these Message-IDs belongs to. */
  async findByThread(
    messageIds: readonly string[],
  ): Promise<{ vacancy: string; candidateId: string } | null> {
    if (messageIds.length === 0) return null;
    const found = await this.redis.hmget(this.keys.threads(), ...messageIds.map((id) => id.toLowerCase()));
    const entry = found.find((value): value is string => value !== null);
    if (entry === undefined) return null;
    const [vacancy = '', candidateId = ''] = entry.split(' ');
    return { vacancy, candidateId };
  }

  /** Merges one application message into its candidate; safe under concurrency, retries and redelivery. */
  async upsert(
    vacancy: { id: string; required: readonly DocumentKind[] },
    incoming: IncomingApplication,
    threadCandidateId: string | null,
  ): Promise<MergeResult> {
    const email = incoming.applicant.address;
    const candidateId =
      threadCandidateId ??
      (await this.redis.hget(this.keys.candidateByAddress(vacancy.id), email)) ??
      `${vacancy.id}-${shortHash(email, 12)}`;
    const key = this.keys.candidate(candidateId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const previous = await this.redis.get(key);
      const result = mergeCandidate(
        parseRecord(previous),
        { ...vacancy, id: candidateId, vacancy: vacancy.id },
        incoming,
      );
      if (result.outcome === 'duplicate') return result;
      const threadIds = [incoming.message.key, incoming.message.messageId?.toLowerCase() ?? ''];
      const change: ChangeKind =
        result.outcome === 'created'
          ? 'created'
          : result.record.documents.length > (parseRecord(previous)?.documents.length ?? 0)
            ? 'updated'
            : 'none';
      // Only the candidate's own address is indexed: someone replying in their thread (a referee) is not them.
      if (await this.save(previous, result.record, result.record.email, threadIds, change)) return result;
    }
    throw new Error(`candidate ${candidateId} changed concurrently ${MAX_ATTEMPTS} times`);
  }

  /**
   * Records the folder a message was filed in and, unless a message already holds it, gives the candidate's
   * acknowledgement to this message (one atomic step, so two messages assessed at once cannot both be answered
   * as the first); returns the record as saved.
   */
  async markFiled(candidateId: string, messageKey: string, folder: string): Promise<CandidateRecord | null> {
    return this.update(candidateId, (record) => ({
      ...record,
      acknowledges: record.acknowledges ?? messageKey,
      messages: record.messages.map((message) =>
        message.key === messageKey ? { ...message, filedTo: folder } : message,
      ),
    }));
  }

  /** Records what became of a reply, and a flag with it when given. */
  async recordReply(candidateId: string, reply: ReplyRecord, flag?: CandidateFlag): Promise<void> {
    await this.update(candidateId, (record) => ({
      ...record,
      replies: [...record.replies, reply],
      flags: flag && !record.flags.includes(flag) ? [...record.flags, flag].sort() : record.flags,
    }));
  }

  /** Applies `change` to a candidate atomically (compare-and-set, retried on concurrent change); returns it saved. */
  async update(
    candidateId: string,
    change: (record: CandidateRecord) => CandidateRecord,
  ): Promise<CandidateRecord | null> {
    const key = this.keys.candidate(candidateId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const previous = await this.redis.get(key);
      const record = parseRecord(previous);
      if (record === null) return null;
      const next = change(record);
      if (await this.save(previous, next, record.email, [])) return next;
    }
    throw new Error(`candidate ${candidateId} changed concurrently ${MAX_ATTEMPTS} times`);
  }

  private async save(
    previous: string | null,
    record: CandidateRecord,
    address: string,
    threadIds: readonly string[],
    change: ChangeKind = 'none',
  ): Promise<boolean> {
    const next = JSON.stringify(record);
    if (next === previous) return true;
    const saved = await this.redis.eval(
      SAVE,
      7,
      this.keys.candidate(record.id),
      this.keys.candidatesOfVacancy(record.vacancy),
      this.keys.candidateByAddress(record.vacancy),
      this.keys.threads(),
      this.keys.changeSequence(),
      this.keys.changedCandidates(record.vacancy),
      this.keys.createdCandidates(record.vacancy),
      previous ?? '',
      next,
      String(Date.parse(record.firstSeen)),
      record.id,
      address,
      `${record.vacancy} ${record.id}`,
      change,
      ...new Set(threadIds.filter((id) => id !== '')),
    );
    return saved === 1;
  }

  /** One candidate, or null. */
  async get(candidateId: string): Promise<CandidateRecord | null> {
    return parseRecord(await this.redis.get(this.keys.candidate(candidateId)));
  }

  /** The candidates of the given vacancies, oldest first. */
  async list(vacancyIds: readonly string[]): Promise<CandidateRecord[]> {
    const records: CandidateRecord[] = [];
    for (const vacancyId of vacancyIds) {
      const ids = await this.redis.zrange(this.keys.candidatesOfVacancy(vacancyId), '0', '-1');
      if (ids.length === 0) continue;
      const values = await this.redis.mget(ids.map((id) => this.keys.candidate(id)));
      for (const value of values) {
        const record = parseRecord(value);
        if (record) records.push(record);
      }
    }
    return records;
  }
}

function parseRecord(value: string | null): CandidateRecord | null {
  if (value === null) return null;
  return candidateRecordSchema.parse(JSON.parse(value));
}
