import type { RegistrationMatch } from './match-registration.ts';

/** Whether a candidate registered on their vacancy's form, read from its current export. */
export type RegistrationStatus =
  { status: 'none' } | { status: 'error'; error: string } | { status: 'read'; match: RegistrationMatch };

/**
 * A registration as supervisors read it: `registered`, `registered (by name "Priya Raman", form line 7)`,
 * `not registered`, `unknown: <why>`; '' for a vacancy without a form. The form's cells are supervisors' data but
 * typed by applicants, so they are shown through `clean` (one line, no control characters). Pure.
 */
export function registrationText(status: RegistrationStatus, clean: (text: string) => string): string {
  if (status.status === 'none') return '';
  if (status.status === 'error') return `unknown: ${clean(status.error)}`;
  const { match } = status;
  if (!match.registered) return 'not registered';
  if (match.by === 'address') return 'registered';
  const name = match.name === null ? '' : ` "${clean(match.name)}"`;
  return `registered (by name${name}, form line ${match.line}; address ${clean(match.email ?? 'none')})`;
}
