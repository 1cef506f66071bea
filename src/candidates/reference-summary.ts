import type { CandidateRecord } from './candidate-record.ts';

/** The referees whose letters are linked to a candidate, in one line: `2 (Dr J. Smith, Prof. M. Rossi)`; '' for none. Pure. */
export function describeReferences(candidate: Pick<CandidateRecord, 'references'>): string {
  if (candidate.references.length === 0) return '';
  const referees = candidate.references.map(
    (reference) => reference.referee.name || reference.referee.address,
  );
  return `${candidate.references.length} (${referees.join(', ')})`;
}
