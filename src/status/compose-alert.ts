import type { AlertItem } from './plan-alerts.ts';

/** An alert's subject and plain-text body. */
export interface AlertText {
  subject: string;
  text: string;
}

/** Characters a line of an alert may not carry (terminal escapes, direction overrides, line breaks). */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
/** A recorded reason is cut after this many characters. */
const MAX_LINE = 500;

/** Recorded text (a server's answer, a failure reason) made one harmless line. */
export function cleanLine(line: string): string {
  const clean = line.replace(UNSAFE, ' ').trim();
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE - 1)}…` : clean;
}

/**
 * One alert for everything due at once. The subject is made of our own words only (ids, counts); the body lists
 * each item with what was recorded, and where the daemon runs.
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
      `- ${cleanLine(item.summary)}`,
      ...item.details.map((detail) => `  ${cleanLine(detail)}`),
      '',
    ]),
    `Seen at ${context.at.toISOString()} by ${context.owner}. triage status shows the whole state.`,
    'A problem that persists is mailed again after alerts.repeatSeconds.',
  ];
  return { subject: cleanLine(subject), text: `${lines.join('\n')}\n` };
}
