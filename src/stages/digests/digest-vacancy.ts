import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import { buildCandidateProfile, fitProfile } from '../../candidates/candidate-profile.ts';
import { profileSummary } from '../../candidates/profile-summary.ts';
import type { VacancyConfig } from '../../config/schema.ts';
import type { CandidateProfile } from '../../domain/fit-profile.ts';
import type { DigestVacancy } from './digest-input.ts';

/** What a digest (and the candidate CSV) shows of a configured vacancy. Pure. */
export function digestVacancyHeading(vacancy: VacancyConfig): DigestVacancy['vacancy'] {
  return {
    id: vacancy.id,
    title: vacancy.title,
    tag: vacancy.tag,
    deadline: vacancy.deadline ?? null,
    required: vacancy.documents.required,
  };
}

/** A candidate's profile for the digest; none while no document or mail of theirs has been read. Pure. */
export function digestProfile(candidate: CandidateRecord): CandidateProfile | undefined {
  const read =
    candidate.documents.some((document) => document.reading !== null) ||
    candidate.messages.some((message) => message.bodyProfile !== null);
  if (!read) return undefined;
  const view = buildCandidateProfile(candidate);
  return { ...fitProfile(view), summary: profileSummary(view) };
}
