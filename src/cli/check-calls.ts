import { deadlineInstant } from '../calls/deadline-text.ts';
import type { Config } from '../config/schema.ts';
import { plural } from '../domain/plural.ts';
import type { RegistrationLookup } from '../ports/call-ports.ts';
import type { CheckLine } from './check-line.ts';

/**
 * `check` lines for calls: each registration form's export (rows, or the file and line that is wrong — a warning,
 * since the daemon runs on without its marks), and each open call (its topics, programmes still open, replies on or
 * off; a warning when every programme's deadline has passed).
 */
export async function checkCalls(
  config: Pick<Config, 'vacancies'>,
  forms: RegistrationLookup,
  now = new Date(),
): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  for (const vacancy of config.vacancies) {
    if (vacancy.tag === undefined) lines.push(openCallLine(vacancy, now));
    if (vacancy.registrations === undefined) continue;
    const name = `form ${vacancy.id}`;
    const probe = await forms.lookup(vacancy, { email: 'check@invalid', name: '' });
    lines.push(
      probe.status === 'error'
        ? {
            ok: true,
            warning: true,
            name,
            detail: `${probe.error}: candidates show "unknown" until it is fixed`,
          }
        : { ok: true, name, detail: `${vacancy.registrations.file} is readable` },
    );
  }
  return lines;
}

function openCallLine(vacancy: Config['vacancies'][number], now: Date): CheckLine {
  const timeZone = vacancy.timezone ?? 'UTC';
  const open = vacancy.programmes.filter(
    (programme) =>
      programme.deadline === undefined ||
      deadlineInstant(programme.deadline, timeZone).getTime() > now.getTime(),
  );
  const replies = vacancy.answerEnquiries
    ? 'enquirers are answered once'
    : 'enquirers are recorded, not answered';
  const detail =
    `open call: ${plural(vacancy.topics.length, 'topic')}, ` +
    `${open.length} of ${plural(vacancy.programmes.length, 'programme')} open; ${replies}`;
  const closed = vacancy.programmes.length > 0 && open.length === 0;
  return closed
    ? {
        ok: true,
        warning: true,
        name: `vacancy ${vacancy.id}`,
        detail: `${detail}; every deadline has passed`,
      }
    : { ok: true, name: `vacancy ${vacancy.id}`, detail };
}
