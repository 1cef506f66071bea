import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { CandidateErasure } from '../privacy/plan-erasure.ts';

/** Delete a candidate, or anonymise them (their counts stay in the vacancy's statistics). */
export type ErasureMode = 'delete' | 'anonymise';

/** The store side of an erasure: one atomic step per candidate, and a journal of what is left to finish. */
export interface CandidateErasures {
  erase(record: CandidateRecord, mode: ErasureMode): Promise<CandidateErasure & { existed: boolean }>;
  pending(): Promise<CandidateErasure[]>;
  unlinkSeen(plan: CandidateErasure): Promise<void>;
  finish(candidateId: string): Promise<void>;
}

/** Everything an erasure reaches: the store, the queues, the exported documents, and (when asked) the mail. */
export interface ErasurePorts {
  erasures: CandidateErasures;
  /** Removes the jobs and dead letters about these candidates. */
  removeJobs(candidateIds: ReadonlySet<string>): Promise<{ jobs: number; running: number; deadLetters: number }>;
  /** Where documents are exported (`export.dir`), or null. */
  exportDir: string | null;
  /** Deletes or moves a mailbox's filed messages by Message-ID; null: the mail stays where it is. */
  removeMail:
    | ((mailboxId: string, folder: string, messageIds: readonly string[]) => Promise<number>)
    | null;
}
