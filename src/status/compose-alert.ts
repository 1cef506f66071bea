import { headerText } from '../output/header-text.ts';
import { mailText } from '../output/mail-text.ts';
import type { AlertItem } from './plan-alerts.ts';

/** An alert's subject and plain-text body. */
export interface AlertText {
  subject: string;
  text: string;
}

/**
 * One alert for everything due at once. The subject is made of our own words only (ids, counts); the body lists
 * each item with what was recorded (each one line, at most MAIL_TEXT_MAX characters), and where the daemon runs.
 */
export function composeAlert(items: readonly AlertItem[], context: { owner: string; at: Date }): AlertText {
  const [first] = items;
  const subject =
    items.length === 1 && first
      ? `applicant-triage: ${first.summary}`
      : `applicant-triage: ${items.length} problems need attention`;
  const lines = [
    'applicant-triage needs attention:',
    '',
    ...items.flatMap((item) => [
      `- ${mailText(item.summary)}`,
      ...item.details.map((detail) => `  ${mailText(detail)}`),
      '',
    ]),
    `Seen at ${context.at.toISOString()} by ${context.owner}. triage status shows the whole state.`,
    'A problem that persists is mailed again after alerts.repeatSeconds.',
  ];
  return { subject: headerText(subject), text: `${lines.join('\n')}\n` };
}
