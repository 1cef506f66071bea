import type { RedisClient } from './redis-client.ts';
import { runScript } from './redis-scripts.ts';
import { packText, unpackText } from './compact-text.ts';
import type { DocumentKind } from '../../domain/document-kinds.ts';
import {
  candidateRecordSchema,
  type CandidateFlag,
  type CandidateRecord,
  type FiledUidRecord,
  type ReplyRecord,
} from '../../candidates/candidate-record.ts';
import {
  mergeCandidate,
  type IncomingApplication,
  type MergeResult,
} from '../../candidates/merge-candidate.ts';
import { type RedisKeys } from './redis-keys.ts';
import { newCandidateId, withFiling, withReply } from '../../candidates/candidate-updates.ts';
import type { CandidateRecords, ThreadOwner } from '../../ports/candidate-records.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';

/** A record as stored (sealed or clear) and as text, or both null when there is none. */
interface StoredRecord {
  stored: string | null;
  text: string | null;
}

/** What a save changes for the digests: a new candidate, new documents or a question, or nothing they report. */
type ChangeKind = 'created' | 'updated' | 'none';

const MAX_ATTEMPTS = 20;

/**
 * Candidate records in Redis: one per (vacancy, applicant), sealed with the data key when one is set, found again
 * by the keyed hash of the address or by thread.
 */
export class CandidateStore implements CandidateRecords {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;

  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  /** The first candidate (and its vacancy) that one of these Message-IDs belongs to. */
  async findByThread(messageIds: readonly string[]): Promise<ThreadOwner | null> {
    if (messageIds.length === 0) return null;
    const found = await this.redis.hmget(this.keys.threads(), ...messageIds.map((id) => id.toLowerCase()));
    const entry = found.find((value): value is string => value !== null);
    if (entry === undefined) return null;
    const [vacancy = '', candidateId = ''] = entry.split(' ');
    return { vacancy, candidateId };
  }

  /** The candidate of a vacancy with this address, if any. */
  async findByAddress(vacancyId: string, email: string): Promise<string | null> {
    const lower = email.toLowerCase();
    // Stores written before addresses were hashed index the address itself; it is hashed when the record is saved.
    const [hashed, clear] = await this.redis.hmget(
      this.keys.candidateByAddress(vacancyId),
      this.personal.hashAddress(lower),
      lower,
    );
    return hashed ?? clear ?? null;
  }

  newId(vacancyId: string, email: string): string {
    return newCandidateId(vacancyId, this.personal.hashAddress(email));
  }

  /** Merges one application message into its candidate; safe under concurrency, retries and redelivery. */
  async upsert(
    vacancy: { id: string; required: readonly DocumentKind[] },
    incoming: IncomingApplication,
    threadCandidateId: string | null,
  ): Promise<MergeResult> {
    const email = incoming.applicant.address;
    const candidateId =
      threadCandidateId ?? (await this.findByAddress(vacancy.id, email)) ?? this.newId(vacancy.id, email);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const previous = await this.read(candidateId);
      const before = parseRecord(previous.text);
      const result = mergeCandidate(before, { ...vacancy, id: candidateId, vacancy: vacancy.id }, incoming);
      if (result.outcome === 'duplicate') return result;
      const threadIds = [incoming.message.key, incoming.message.messageId?.toLowerCase() ?? ''];
      const change: ChangeKind =
        result.outcome === 'created'
          ? 'created'
          : result.record.documents.length > (before?.documents.length ?? 0) ||
              incoming.message.question !== undefined
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
  async markFiled(
    candidateId: string,
    messageKey: string,
    folder: string,
    filedUid: FiledUidRecord | null = null,
  ): Promise<CandidateRecord | null> {
    return this.update(candidateId, (record) => withFiling(record, messageKey, folder, filedUid));
  }

  /** Records what became of a reply, and a flag with it when given. */
  async recordReply(candidateId: string, reply: ReplyRecord, flag?: CandidateFlag): Promise<void> {
    await this.update(candidateId, (record) => withReply(record, reply, flag));
  }

  /**
   * Applies `change` to a candidate atomically (compare-and-set, retried on concurrent change); returns it saved.
   * A change that adds documents (a referee's letter linked), or any change with `digest: true`, is stamped for the
   * next digest (the candidate is `updated`).
   */
  async update(
    candidateId: string,
    change: (record: CandidateRecord) => CandidateRecord,
    options: { digest?: boolean } = {},
  ): Promise<CandidateRecord | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const previous = await this.read(candidateId);
      const record = parseRecord(previous.text);
      if (record === null) return null;
      const next = change(record);
      const reported: ChangeKind =
        options.digest === true || next.documents.length > record.documents.length ? 'updated' : 'none';
      if (await this.save(previous, next, record.email, [], reported)) return next;
    }
    throw new Error(`candidate ${candidateId} changed concurrently ${MAX_ATTEMPTS} times`);
  }

  private async save(
    previous: StoredRecord,
    record: CandidateRecord,
    address: string,
    threadIds: readonly string[],
    change: ChangeKind = 'none',
  ): Promise<boolean> {
    const next = JSON.stringify(record);
    if (next === previous.text && previous.stored !== null && !this.personal.needsReseal(previous.stored))
      return true;
    const key = this.keys.candidate(record.id);
    const saved = await runScript(
      this.redis,
      'candidate-save',
      key,
      this.keys.candidatesOfVacancy(record.vacancy),
      this.keys.candidateByAddress(record.vacancy),
      this.keys.threads(),
      this.keys.changeSequence(),
      this.keys.changedCandidates(record.vacancy),
      this.keys.createdCandidates(record.vacancy),
      previous.stored ?? '',
      this.personal.seal(packText(next), key),
      String(Date.parse(record.firstSeen)),
      record.id,
      this.personal.hashAddress(address),
      address.toLowerCase(),
      `${record.vacancy} ${record.id}`,
      change,
      ...new Set(threadIds.filter((id) => id !== '')),
    );
    return saved === 1;
  }

  /** One candidate, or null. */
  async get(candidateId: string): Promise<CandidateRecord | null> {
    return parseRecord((await this.read(candidateId)).text);
  }

  private async read(candidateId: string): Promise<StoredRecord> {
    const key = this.keys.candidate(candidateId);
    const stored = await this.redis.get(key);
    return { stored, text: stored === null ? null : unpackText(this.personal.open(stored, key)) };
  }

  /** The candidates of the given vacancies, oldest first. */
  async list(vacancyIds: readonly string[]): Promise<CandidateRecord[]> {
    const records: CandidateRecord[] = [];
    for (const vacancyId of vacancyIds) {
      const ids = await this.redis.zrange(this.keys.candidatesOfVacancy(vacancyId), '0', '-1');
      if (ids.length === 0) continue;
      const keys = ids.map((id) => this.keys.candidate(id));
      const values = await this.redis.mget(keys);
      values.forEach((value, index) => {
        const text = value === null ? null : unpackText(this.personal.open(value, keys[index] ?? ''));
        const record = parseRecord(text);
        if (record) records.push(record);
      });
    }
    return records;
  }
}

function parseRecord(value: string | null): CandidateRecord | null {
  if (value === null) return null;
  return candidateRecordSchema.parse(JSON.parse(value));
}
