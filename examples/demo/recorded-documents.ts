import type { CandidateRecord, DocumentRecord } from '../../src/candidates/candidate-record.ts';
import type { VacancyConfig } from '../../src/config/schema.ts';
import type { DocumentKind } from '../../src/domain/document-kinds.ts';
import { candidateAsOf } from '../../src/stages/replies/candidate-as-of.ts';

/** What the daemon recorded about one message's documents. */
export interface RecordedDocuments {
  /** The documents that came with the message, with the kinds read from their content. */
  documents: DocumentRecord[];
  /** What was missing once it had arrived: what its acknowledgement lists (the reply stage's `candidateAsOf`). */
  missing: DocumentKind[];
}

/** The daemon's record of message `key`'s documents; null when no candidate holds the message. */
export function recordedDocuments(
  candidates: readonly CandidateRecord[],
  vacancies: readonly VacancyConfig[],
  key: string,
): RecordedDocuments | null {
  const candidate = candidates.find((entry) => entry.messages.some((message) => message.key === key));
  const message = candidate?.messages.find((entry) => entry.key === key);
  const vacancy = vacancies.find((entry) => entry.id === candidate?.vacancy);
  if (candidate === undefined || message === undefined || vacancy === undefined) return null;
  const asOf = candidateAsOf(candidate, message, vacancy.documents.required);
  return {
    documents: candidate.documents.filter((document) => document.message === key),
    missing: asOf.missing,
  };
}
