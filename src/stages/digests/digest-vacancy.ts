import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import { buildCandidateProfile, fitProfile } from '../../candidates/candidate-profile.ts';
import { profileFacts, profileSummary } from '../../candidates/profile-summary.ts';
import type { VacancyConfig } from '../../config/schema.ts';
import { registrationText } from '../../calls/registration-status.ts';
import { mailText } from '../../output/mail-text.ts';
import type { RegistrationLookup } from '../../ports/call-ports.ts';
import type { CandidateProfile } from '../../domain/fit-profile.ts';
import type { DigestVacancy } from './digest-input.ts';

/** What a digest (and the candidate CSV) shows of a configured vacancy. Pure. */
export function digestVacancyHeading(vacancy: VacancyConfig): DigestVacancy['vacancy'] {
  return {
    id: vacancy.id,
    title: vacancy.title,
    tag: vacancy.tag ?? null,
    deadline: vacancy.deadline ?? null,
    required: vacancy.documents.required,
  };
}

/**
 * A candidate's profile for the digest; none ("no profile yet", never a score of 0) while nothing of theirs has
 * said anything: no document read (an unreadable scan or a corrupt file reads nothing) and no mail body naming a
 * degree, a publication or a keyword. Pure.
 */
export function digestProfile(candidate: CandidateRecord): CandidateProfile | undefined {
  const documentRead = candidate.documents.some((document) => document.reading?.profile != null);
  const mailRead = candidate.messages.some((message) => message.bodyProfile !== null);
  if (!documentRead && !mailRead) return undefined;
  const view = buildCandidateProfile(candidate);
  const profile = fitProfile(view);
  const said =
    view.bestResult !== null || (profile.publications ?? 0) > 0 || (profile.keywordMatches ?? 0) > 0;
  return documentRead || said
    ? { ...profile, summary: profileSummary(view), facts: profileFacts(view) }
    : undefined;
}

/** Each candidate's registration on the vacancy's form as shown (registrationText), by id; the export is read once. */
export async function registrationTexts(
  lookup: RegistrationLookup,
  vacancy: Pick<VacancyConfig, 'registrations'>,
  candidates: readonly CandidateRecord[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const candidate of candidates)
    texts.set(
      candidate.id,
      registrationText(await lookup.lookup(vacancy, candidate), (text) => mailText(text)),
    );
  return texts;
}

/** Each candidate's registration on their own vacancy's form (registrationText), for the vacancies that have one. */
export async function candidateRegistrations(
  lookup: RegistrationLookup,
  config: { vacancies: ReadonlyArray<Pick<VacancyConfig, 'id' | 'registrations'>> },
  candidates: readonly CandidateRecord[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const vacancy of config.vacancies.filter((entry) => entry.registrations !== undefined)) {
    const own = candidates.filter((candidate) => candidate.vacancy === vacancy.id);
    for (const [id, text] of await registrationTexts(lookup, vacancy, own)) texts.set(id, text);
  }
  return texts;
}
