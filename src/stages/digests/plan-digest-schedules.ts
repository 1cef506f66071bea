import { shortHash } from '../../domain/short-hash.ts';
import type { Config } from '../../config/schema.ts';

/** One scheduled digest: a supervisor's vacancies that share a schedule and time zone. */
export interface DigestSchedule {
  /** Stable id of the job scheduler (the same in every daemon process, so there is one schedule). */
  id: string;
  supervisor: string;
  vacancies: string[];
  pattern: string;
  timezone: string;
}

/**
 * The digests to schedule. Each supervisor gets one digest per distinct (schedule, time zone) among their
 * vacancies; the effective schedule of a vacancy for a supervisor is the supervisor's override, else the
 * vacancy's, else the global one (field by field). Pure.
 */
export function planDigestSchedules(config: Pick<Config, 'vacancies' | 'digest'>): DigestSchedule[] {
  const groups = new Map<string, DigestSchedule>();
  for (const vacancy of config.vacancies) {
    for (const supervisor of vacancy.supervisors) {
      const own = config.digest.supervisors[supervisor] ?? {};
      const pattern = own.schedule ?? vacancy.digest?.schedule ?? config.digest.schedule;
      const timezone = own.timezone ?? vacancy.digest?.timezone ?? config.digest.timezone;
      const id = `digest.${shortHash(supervisor, 12)}.${shortHash(`${pattern}|${timezone}`, 8)}`;
      const group = groups.get(id) ?? { id, supervisor, vacancies: [], pattern, timezone };
      group.vacancies.push(vacancy.id);
      groups.set(id, group);
    }
  }
  return [...groups.values()];
}
