import { headerText } from '../output/header-text.ts';
import { mailText } from '../output/mail-text.ts';
import type { MailboxStatus } from './daemon-status.ts';

/** A sign-in reminder's subject and plain-text body. */
export interface LoginReminderText {
  subject: string;
  text: string;
}

/**
 * The daily reminder to a mailbox's supervisors that its OAuth2 sign-in was refused: what happened, the one
 * command that fixes it, and that nothing is lost meanwhile. Our own words, ids and times only, and the
 * provider's reason on one line.
 */
export function composeLoginReminder(
  mailbox: Pick<MailboxStatus, 'id' | 'address' | 'lastError' | 'lastErrorAt'>,
  context: { owner: string; at: Date },
): LoginReminderText {
  const lines = [
    `applicant-triage can no longer read or send the mail of ${mailbox.address}: the sign-in it uses was refused`,
    'by the provider (expired, revoked, or consent withdrawn), and a person must sign in again.',
    '',
    'On the machine where applicant-triage runs, run:',
    '',
    `    triage login ${mailbox.id}`,
    '',
    `(in a checkout: npm run triage -- login ${mailbox.id}) and follow what it prints.`,
    '',
    'Nothing is lost meanwhile: mail that arrives stays in the mailbox and is triaged after the sign-in,',
    'and acknowledgements that could not be sent go out then.',
    '',
    ...(mailbox.lastError === null ? [] : [`Reason: ${mailText(mailbox.lastError)}`]),
    `Since: ${mailbox.lastErrorAt ?? 'unknown'}. Seen at ${context.at.toISOString()} by ${context.owner}.`,
    'This reminder is sent once a day until the mailbox is signed in again.',
  ];
  return {
    subject: headerText(`applicant-triage: sign in again to ${mailbox.address} (triage login ${mailbox.id})`),
    text: `${lines.join('\n')}\n`,
  };
}
