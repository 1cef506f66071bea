import type { CandidateFlag, CandidateRecord } from '../candidates/candidate-record.ts';
import type { VacancyConfig } from '../config/schema.ts';

/** One enquiry log entry naming the person: what became of the reply to their untagged enquiry. */
export interface PersonEnquiry {
  mailbox: string;
  messageKey: string;
  entry: Record<string, unknown>;
}

/** One reply-ledger entry under the keyed hash of the person's address. */
export interface PersonLedgerEntry {
  /** A vacancy id, or `mailbox-<id>` for enquiry replies. */
  scope: string;
  kind: string;
  state: string;
  messageId: string;
}

/** A letter the person wrote as a referee: linked to an applicant's record, or held until its applicant writes. */
export interface PersonRefereeLetter {
  state: 'linked' | 'held';
  /** The vacancy of the record it is linked to, or the one it names while held (null: any of the mailbox's). */
  vacancy: string | null;
  mailbox: string;
  messageId: string | null;
  subject: string;
  receivedAt: string;
  /** The folder it was filed in; null while it waits in the watched folder. */
  folder: string | null;
  /** The names of the documents it brought. */
  documents: string[];
}

/** The exported copies of one candidate's documents (`export.dir`), by file name. */
export interface PersonExportedFiles {
  candidateId: string;
  folder: string;
  files: string[];
}

/** How the digests put a candidate to supervisors, from the digest stage's own functions (one wording). */
export interface DigestWording {
  /** The fit score that orders the candidate in a digest, with its parts: `0.9 (degree 0.9 × 1 = 0.9, …)`. */
  fitScore(record: CandidateRecord): string;
  /** A flag as a supervisor reads it. */
  flag(flag: CandidateFlag): string;
}

/** Everything the daemon holds about one address, gathered for a subject access request (art. 15 GDPR). */
export interface PersonHoldings {
  /** The address asked about, lower-cased. */
  address: string;
  now: Date;
  /** The configured vacancies: titles, and the supervisors who receive candidates in digests. */
  vacancies: ReadonlyArray<Pick<VacancyConfig, 'id' | 'title' | 'supervisors'>>;
  candidates: readonly CandidateRecord[];
  enquiries: readonly PersonEnquiry[];
  /** Letters they wrote as a referee (the applicants' records themselves are not theirs, and not exported). */
  refereeLetters: readonly PersonRefereeLetter[];
  ledger: readonly PersonLedgerEntry[];
  /** Whether replies to the address are suppressed now because one bounced. */
  bounceSuppressed: boolean;
  /** The mailboxes whose Sent folder shows they wrote to the address (a colleague: never taken for an enquirer). */
  writtenToBy: readonly string[];
  /** Null when documents are not exported (no `export.dir`). */
  exportedDocuments: readonly PersonExportedFiles[] | null;
  wording: DigestWording;
}
