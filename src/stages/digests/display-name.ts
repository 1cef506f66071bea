import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import { mailText } from '../../output/mail-text.ts';

/** The name a digest shows: cleaned, and `(no name)` when empty or just an address. */
export function displayName(candidate: Pick<CandidateRecord, 'name'>): string {
  const name = mailText(candidate.name);
  return name === '' || /^[^\s@]+@[^\s@]+$/.test(name) ? '(no name)' : name;
}
