import type {
  CandidateFlag,
  CandidateRecord,
  FiledUidRecord,
  ReplyRecord,
} from '../candidates/candidate-record.ts';
import { newCandidateId, withFiling, withReply } from '../candidates/candidate-updates.ts';
import { mergeCandidate, type IncomingApplication, type MergeResult } from '../candidates/merge-candidate.ts';
import type { DocumentKind } from '../domain/document-kinds.ts';
import { shortHash } from '../domain/short-hash.ts';
import type { CandidateRecords, ThreadOwner } from '../ports/candidate-records.ts';

/** The candidate history `explain` may read: the daemon's store (`--history`), read only. */
export type CandidateHistory = Pick<CandidateRecords, 'findByThread' | 'findByAddress' | 'get' | 'newId'> &
  Partial<Pick<CandidateRecords, 'list'>>;

/**
 * The candidate records of a dry run: what the run changes is kept in memory, over the daemon's history when
 * given (never written to), so the daemon's own stage code can run on it without changing anything.
 */
export class ExplainCandidates implements Omit<CandidateRecords, 'list'> {
  private readonly history: CandidateHistory | null;
  private readonly changed = new Map<string, CandidateRecord>();

  constructor(history: CandidateHistory | null) {
    this.history = history;
  }

  async findByThread(messageIds: readonly string[]): Promise<ThreadOwner | null> {
    const wanted = new Set(messageIds.map((id) => id.toLowerCase()));
    for (const record of this.changed.values()) {
      if (record.messages.some((message) => wanted.has(message.key))) {
        return { vacancy: record.vacancy, candidateId: record.id };
      }
    }
    return this.history ? this.history.findByThread(messageIds) : null;
  }

  async findByAddress(vacancyId: string, email: string): Promise<string | null> {
    for (const record of this.changed.values()) {
      if (record.vacancy === vacancyId && record.email === email) return record.id;
    }
    return this.history ? this.history.findByAddress(vacancyId, email) : null;
  }

  /** The daemon's id when its history is read; without it, one from an unkeyed hash (a dry run keeps nothing). */
  newId(vacancyId: string, email: string): string {
    return this.history ? this.history.newId(vacancyId, email) : newCandidateId(vacancyId, shortHash(email));
  }

  async get(candidateId: string): Promise<CandidateRecord | null> {
    return this.changed.get(candidateId) ?? (this.history ? this.history.get(candidateId) : null);
  }

  async upsert(
    vacancy: { id: string; required: readonly DocumentKind[] },
    incoming: IncomingApplication,
    threadCandidateId: string | null,
  ): Promise<MergeResult> {
    const email = incoming.applicant.address;
    const candidateId =
      threadCandidateId ?? (await this.findByAddress(vacancy.id, email)) ?? this.newId(vacancy.id, email);
    const result = mergeCandidate(
      await this.get(candidateId),
      { ...vacancy, id: candidateId, vacancy: vacancy.id },
      incoming,
    );
    if (result.outcome !== 'duplicate') this.changed.set(candidateId, result.record);
    return result;
  }

  async update(
    candidateId: string,
    change: (record: CandidateRecord) => CandidateRecord,
  ): Promise<CandidateRecord | null> {
    const record = await this.get(candidateId);
    if (record === null) return null;
    const next = change(record);
    this.changed.set(candidateId, next);
    return next;
  }

  markFiled(
    candidateId: string,
    messageKey: string,
    folder: string,
    filedUid: FiledUidRecord | null = null,
  ): Promise<CandidateRecord | null> {
    return this.update(candidateId, (record) => withFiling(record, messageKey, folder, filedUid));
  }

  async recordReply(candidateId: string, reply: ReplyRecord, flag?: CandidateFlag): Promise<void> {
    await this.update(candidateId, (record) => withReply(record, reply, flag));
  }
}
