import type { VacancyConfig } from './schema.ts';

type Vacancy = Pick<VacancyConfig, 'mailbox' | 'tag'>;

/** The mailbox's open calls: its vacancies without a tag. Pure. */
export function openCallsOf<T extends Vacancy>(vacancies: readonly T[], mailboxId: string): T[] {
  return vacancies.filter((vacancy) => vacancy.mailbox === mailboxId && vacancy.tag === undefined);
}

/** The mailbox's tagged vacancies, typed as having their tag. Pure. */
export function taggedVacanciesOf<T extends Vacancy>(
  vacancies: readonly T[],
  mailboxId: string,
): Array<T & { tag: string }> {
  return vacancies.flatMap((vacancy) =>
    vacancy.mailbox === mailboxId && vacancy.tag !== undefined ? [{ ...vacancy, tag: vacancy.tag }] : [],
  );
}

/**
 * Whether a mailbox must tell colleagues from enquirers: it has an open call, or a vacancy while enquiries naming
 * one are answered (`replies.enquiries`). The Sent folders read and the mail that waits for them agree on it. Pure.
 */
export function colleaguesMatter(
  config: { vacancies: readonly Vacancy[]; replies: { enquiries: boolean } },
  mailboxId: string,
): boolean {
  return config.vacancies.some(
    (vacancy) => vacancy.mailbox === mailboxId && (vacancy.tag === undefined || config.replies.enquiries),
  );
}
