import type { RegistrationStatus } from '../calls/registration-status.ts';
import type { VacancyConfig } from '../config/schema.ts';

/** The vacancies' registration forms (`vacancies[].registrations`), re-read when their export changes. */
export interface RegistrationLookup {
  /** `none` for a vacancy without a form; `error` (naming the file and line) when its export cannot be used. */
  lookup(
    vacancy: Pick<VacancyConfig, 'registrations'>,
    candidate: { email: string; name: string },
  ): Promise<RegistrationStatus>;
}

/** The addresses each mailbox has itself written to (from its Sent folder), by keyed hash. */
export interface SentRecipients {
  has(mailboxId: string, address: string): Promise<boolean>;
  /** Whether the mailbox's Sent folder has been read to its end at least once (or it has none). */
  known(mailboxId: string): Promise<boolean>;
}
