import type { CandidateRecord } from '../candidates/candidate-record.ts';

/** Everything one candidate's erasure removes, planned from their record (what the erasure journal keeps). */
export interface CandidateErasure {
  candidateId: string;
  vacancy: string;
  /** The keyed hash of the candidate's address: what stays in the reply ledger and the bounce list. */
  addressHash: string;
  /** Message keys and Message-IDs of their messages, as the thread index holds them. */
  threadIds: string[];
  /** Their messages' entries in the seen index (kept, so a rescan never processes them again, but unlinked). */
  seen: Array<{ mailbox: string; key: string }>;
  /** Their filed messages that have a Message-ID (for erasing the mail too). */
  mail: Array<{ mailbox: string; folder: string; messageId: string }>;
  /** What becomes of those messages (kept in the journal, so a killed erasure is finished as it began). */
  removal: MailRemoval;
}

/** What becomes of a person's filed messages when their data is erased: kept, deleted, or moved to a folder. */
export type MailRemoval = { action: 'keep' } | { action: 'delete' } | { action: 'move'; folder: string };

/** Delete a candidate, or anonymise them (their counts stay in the vacancy's statistics). */
export type ErasureMode = 'delete' | 'anonymise';

/** The store side of an erasure: one atomic step per candidate, and a journal of what is left to finish. */
export interface CandidateErasures {
  erase(
    record: CandidateRecord,
    mode: ErasureMode,
    removal: MailRemoval,
  ): Promise<CandidateErasure & { existed: boolean }>;
  pending(): Promise<CandidateErasure[]>;
  unlinkSeen(plan: CandidateErasure): Promise<void>;
  finish(candidateId: string): Promise<void>;
}

/** Everything an erasure reaches: the store, the queues, the exported documents, and (when asked) the mail. */
export interface ErasurePorts {
  erasures: CandidateErasures;
  /** Removes the jobs and dead letters about these candidates. */
  removeJobs(
    candidateIds: ReadonlySet<string>,
  ): Promise<{ jobs: number; running: number; deadLetters: number }>;
  /** Where documents are exported (`export.dir`), or null. */
  exportDir: string | null;
  /** Deletes or moves a mailbox's filed messages by Message-ID; how many it found. */
  removeMail(
    mailboxId: string,
    folder: string,
    messageIds: readonly string[],
    removal: Exclude<MailRemoval, { action: 'keep' }>,
  ): Promise<number>;
}
