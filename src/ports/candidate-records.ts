import type {
  CandidateFlag,
  CandidateRecord,
  FiledUidRecord,
  ReplyRecord,
} from '../candidates/candidate-record.ts';
import type { IncomingApplication, MergeResult } from '../candidates/merge-candidate.ts';
import type { DocumentKind } from '../domain/document-kinds.ts';

/** The candidate an earlier message of a thread belongs to. */
export interface ThreadOwner {
  vacancy: string;
  candidateId: string;
}

/** Candidate records: one per (vacancy, applicant), found again by address or by thread; safe under concurrency. */
export interface CandidateRecords {
  /** The first candidate that one of these Message-IDs belongs to. */
  findByThread(messageIds: readonly string[]): Promise<ThreadOwner | null>;
  /** The candidate of a vacancy with this address, if any. */
  findByAddress(vacancyId: string, email: string): Promise<string | null>;
  /** The id a new candidate of this vacancy and address gets (derived from the address's keyed hash). */
  newId(vacancyId: string, email: string): string;
  /** Merges one application message into its candidate (the thread's candidate when given). */
  upsert(
    vacancy: { id: string; required: readonly DocumentKind[] },
    incoming: IncomingApplication,
    threadCandidateId: string | null,
  ): Promise<MergeResult>;
  /**
   * Applies `change` to a candidate atomically; returns it as saved, or null when there is no such candidate. With
   * `digest: true` a change that alters the record counts for the next digest.
   */
  update(
    candidateId: string,
    change: (record: CandidateRecord) => CandidateRecord,
    options?: { digest?: boolean },
  ): Promise<CandidateRecord | null>;
  /**
   * Records the folder a message was filed in (and its UID there, when known) and which message holds the
   * acknowledgement; returns it saved.
   */
  markFiled(
    candidateId: string,
    messageKey: string,
    folder: string,
    filedUid?: FiledUidRecord | null,
  ): Promise<CandidateRecord | null>;
  /** Records what became of a reply, and a flag with it when given. */
  recordReply(candidateId: string, reply: ReplyRecord, flag?: CandidateFlag): Promise<void>;
  get(candidateId: string): Promise<CandidateRecord | null>;
  /** The candidates of the given vacancies, oldest first. */
  list(vacancyIds: readonly string[]): Promise<CandidateRecord[]>;
}
