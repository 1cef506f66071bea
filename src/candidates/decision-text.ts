import { mailText } from '../output/mail-text.ts';
import type { CandidateDecision } from './candidate-record.ts';

/** A candidate's status in one word (`shortlisted`), '' while the supervisor has given none. Pure. */
export function statusText(decision: CandidateDecision | null | undefined): string {
  return decision ? mailText(decision.status, { controls: '' }) : '';
}

/**
 * Where a status came from, in one line: `shortlisted (moved to Applications/robust-ai/Shortlist, 7 Dec 14:02)`,
 * with `when` formatting the time; '' without a status. Pure.
 */
export function decisionText(
  decision: CandidateDecision | null | undefined,
  when: (iso: string) => string,
): string {
  if (!decision) return '';
  const how = decision.via === 'folder' ? 'moved to' : 'keyword in';
  return `${statusText(decision)} (${how} ${mailText(decision.folder, { controls: '' })}, ${when(decision.at)})`;
}
