import { retentionDefaults } from '../config/retention-schema.ts';
import type { Config, VacancyConfig } from '../config/schema.ts';
import type { MailRemoval } from '../ports/erasure-ports.ts';

/** One vacancy's effective retention rule. */
export interface RetentionRule {
  months: number;
  days: number;
  action: 'delete' | 'anonymise';
  mail: MailRemoval;
}

/** What the plan needs of a candidate: their vacancy, last message, and which of their messages are filed. */
export type RetentionSubject = {
  id: string;
  vacancy: string;
  lastSeen: string;
  messages: ReadonlyArray<{ filedTo: string | null }>;
};

/**
 * A candidate with a message not filed yet is still being processed (reading, export, filing): erasing them now
 * would leave what that processing writes next. They wait until it is done, or this long after their last
 * message at most (a message whose processing failed for good is never filed).
 */
const SETTLE_MS = 24 * 3600 * 1000;

/** When a vacancy's data is purged next, and how many of its candidates that erases (for status and check). */
export interface NextPurge {
  vacancy: string;
  action: RetentionRule['action'];
  /** ISO 8601; in the past when candidates are due now; null: nothing to purge (no deadline, no candidates). */
  at: string | null;
  candidates: number;
}

/** What is due now in one vacancy, under its rule. */
export interface VacancyPurge<T> {
  vacancy: string;
  rule: RetentionRule;
  due: T[];
}

/** The retention plan: what to erase now per vacancy (those with a rule), and each such vacancy's next purge. */
export interface RetentionPlan<T> {
  purges: Array<VacancyPurge<T>>;
  next: NextPurge[];
}

type RetentionSettings = Pick<Config, 'retention' | 'vacancies'>;

/** A vacancy's effective rule (its own keys over the top-level ones), or null when its data is kept. Pure. */
export function retentionRule(
  config: Pick<Config, 'retention'>,
  vacancy: VacancyConfig,
): RetentionRule | null {
  const own = vacancy.retention;
  if (own?.keep === 'forever' || (config.retention === undefined && own === undefined)) return null;
  const top = config.retention ?? retentionDefaults;
  const period =
    own?.months === undefined && own?.days === undefined
      ? { months: top.months, days: top.days }
      : { months: own.months ?? 0, days: own.days ?? 0 };
  const mail = own?.mail ?? top.mail;
  const folder = own?.mailFolder ?? top.mailFolder ?? '';
  return {
    ...period,
    action: own?.action ?? top.action,
    mail: mail === 'move' ? { action: 'move', folder } : { action: mail },
  };
}

/**
 * Whether an enquiry log entry made `at` has expired at `now`: enquirers are no vacancy's candidates, so the
 * top-level `retention` period counts from the enquiry; never without a top-level rule. Pure.
 */
export function enquiryExpired(config: Pick<Config, 'retention'>, at: string, now: Date): boolean {
  const rule = config.retention;
  const made = Date.parse(at);
  if (rule === undefined || Number.isNaN(made)) return false;
  return addPeriod(new Date(made), rule.months, rule.days).getTime() <= now.getTime();
}

/**
 * Whether a referee's letter held since `receivedAt`, never linked to a candidate, has expired at `now`: when it
 * names a vacancy with a rule, when a candidate of that vacancy would be (its deadline + period, else receipt +
 * period); when it names none (or one not configured), as an enquiry would; never when its vacancy is kept for
 * ever. Pure.
 */
export function heldReferenceExpired(
  config: RetentionSettings,
  held: { vacancy: string | null; receivedAt: string },
  now: Date,
): boolean {
  const vacancy = config.vacancies.find((candidate) => candidate.id === held.vacancy);
  if (vacancy === undefined) return enquiryExpired(config, held.receivedAt, now);
  const rule = retentionRule(config, vacancy);
  const received = Date.parse(held.receivedAt);
  if (rule === null || Number.isNaN(received)) return false;
  const from = vacancy.deadline === undefined ? new Date(received) : new Date(vacancy.deadline);
  return addPeriod(from, rule.months, rule.days).getTime() <= now.getTime();
}

/** Whether any vacancy's data is ever purged (the daemon runs the purge only then). Pure. */
export function retentionConfigured(config: RetentionSettings): boolean {
  return config.vacancies.some((vacancy) => retentionRule(config, vacancy) !== null);
}

/**
 * `at` plus calendar months, then days, in UTC; a day past the end of a shorter month becomes its last day
 * (31 January + 1 month = 28 or 29 February). Pure.
 */
export function addPeriod(at: Date, months: number, days: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(at.getTime());
  shifted.setUTCFullYear(year, month, Math.min(at.getUTCDate(), lastDay));
  return new Date(shifted.getTime() + days * 24 * 3600 * 1000);
}

/**
 * Which candidates are due for erasure at `now`: a vacancy's with a deadline all at deadline + period, a vacancy's
 * without one each at their last message + period, once their messages are processed; vacancies kept for ever are
 * left out. Pure.
 */
export function planRetention<T extends RetentionSubject>(
  config: RetentionSettings,
  candidates: readonly T[],
  now: Date,
): RetentionPlan<T> {
  const plan: RetentionPlan<T> = { purges: [], next: [] };
  for (const vacancy of config.vacancies) {
    const rule = retentionRule(config, vacancy);
    if (rule === null) continue;
    const deadline = vacancy.deadline === undefined ? null : new Date(vacancy.deadline);
    const expiring = candidates
      .filter((candidate) => candidate.vacancy === vacancy.id)
      .map((candidate) => ({
        candidate,
        at: addPeriod(deadline ?? new Date(candidate.lastSeen), rule.months, rule.days).getTime(),
      }));
    const due = expiring
      .filter((entry) => entry.at <= now.getTime() && settled(entry.candidate, now))
      .map((entry) => entry.candidate);
    if (due.length > 0) plan.purges.push({ vacancy: vacancy.id, rule, due });
    const first =
      deadline === null
        ? Math.min(...expiring.map((entry) => entry.at))
        : addPeriod(deadline, rule.months, rule.days).getTime();
    const by = Math.max(first, now.getTime());
    plan.next.push({
      vacancy: vacancy.id,
      action: rule.action,
      at: Number.isFinite(first) ? new Date(first).toISOString() : null,
      candidates: expiring.filter((entry) => entry.at <= by).length,
    });
  }
  plan.next.sort(
    (a, b) => (a.at === null ? 1 : 0) - (b.at === null ? 1 : 0) || (a.at ?? '').localeCompare(b.at ?? ''),
  );
  return plan;
}

function settled(candidate: RetentionSubject, now: Date): boolean {
  return (
    candidate.messages.every((message) => message.filedTo !== null) ||
    Date.parse(candidate.lastSeen) + SETTLE_MS <= now.getTime()
  );
}
