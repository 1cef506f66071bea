import { mailText } from '../output/mail-text.ts';

/** An ISO 8601 time as `2026-03-01 10:04:05 UTC`; a value that is no time is returned cleaned, as written. Pure. */
export function readableTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return mailText(iso) || '(unknown time)';
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
