/** What became of a message, remembered by its message key so a rescan does not process it again. */
export interface SeenSummary {
  kind: string;
  vacancy: string | null;
  candidateId: string | null;
  at: string;
}

/** The messages of each mailbox processed so far. */
export interface SeenIndex {
  markSeen(mailboxId: string, messageKey: string, summary: SeenSummary): Promise<void>;
}

/** The replies to untagged enquiries, by mailbox and message key. */
export interface EnquiryLog {
  record(mailboxId: string, messageKey: string, entry: Record<string, unknown>): Promise<void>;
}

/** A queue a stage adds jobs to; the job id makes adding the same job twice a no-op. */
export interface JobQueue<T> {
  add(name: string, data: T, options: { jobId: string }): Promise<unknown>;
}

/** The candidates of a vacancy changed after a watermark, and the watermark that covers them. */
export interface ChangesSince {
  changed: Array<{ candidateId: string; isNew: boolean }>;
  /** The sequence number up to which these changes go: the vacancy's watermark once they are reported. */
  upTo: number;
}

/** Digest watermarks: per supervisor and vacancy, the last change a sent digest reported. */
export interface DigestState {
  watermarks(supervisorHash: string, vacancyIds: readonly string[]): Promise<Map<string, number>>;
  changesSince(vacancyId: string, after: number): Promise<ChangesSince>;
  /** Remembers the watermarks a run will move to once it is sent. */
  savePending(runKey: string, marks: ReadonlyMap<string, number>): Promise<void>;
  /** Moves the watermarks a run saved (idempotent). */
  applyPending(runKey: string, supervisorHash: string): Promise<void>;
}
