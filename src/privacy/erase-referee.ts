import type { CandidateRecord, ReferenceRecord } from '../candidates/candidate-record.ts';
import { withHistory } from '../candidates/candidate-updates.ts';
import { missingKinds, type DocumentKind } from '../domain/document-kinds.ts';

/** What erasing a referee takes from one applicant's record. */
export interface RefereeErasure {
  record: CandidateRecord;
  /** The referee's letters that were linked to the record (where they were filed, for `--mail`). */
  letters: ReferenceRecord[];
  /** The documents those letters brought. */
  documents: number;
}

/**
 * The applicant's record without what the referee at `address` gave it: their letters (the references naming
 * them), the documents those letters brought, `missing` recomputed, and the history entries that named them
 * reworded to name nobody, with an `erasure` entry saying what went. Null when the referee is not on the record.
 * The applicant's own messages and documents are untouched. Pure.
 */
export function withoutReferee(
  record: CandidateRecord,
  address: string,
  required: readonly DocumentKind[],
  at: string,
): RefereeErasure | null {
  const wanted = address.toLowerCase();
  const letters = record.references.filter((reference) => reference.referee.address.toLowerCase() === wanted);
  if (letters.length === 0) return null;
  const keys = new Set(letters.map((letter) => letter.key));
  const documents = record.documents.filter((document) => !keys.has(document.message));
  const removed = record.documents.length - documents.length;
  const named = (detail: string) => [...keys].some((key) => detail.includes(`(${key})`));
  const erased: CandidateRecord = {
    ...record,
    documents,
    missing: missingKinds(required, documents),
    references: record.references.filter((reference) => !keys.has(reference.key)),
    history: record.history.map((entry) =>
      entry.action === 'reference' && named(entry.detail)
        ? { ...entry, detail: "a referee's letter, since erased at the referee's request" }
        : entry,
    ),
  };
  const what = `${letters.length === 1 ? "a referee's letter" : `${letters.length} letters of one referee`}`;
  return {
    record: withHistory(erased, {
      at,
      action: 'erasure',
      by: 'operator',
      detail: `${what} and ${removed === 1 ? 'its document' : `${removed} documents`} removed (triage forget of the referee)`,
    }),
    letters,
    documents: removed,
  };
}
