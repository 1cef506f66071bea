import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import type { Config } from '../config/schema.ts';
import { plural } from '../domain/plural.ts';
import {
  planRetention,
  retentionConfigured,
  retentionRule,
  type NextPurge,
  type RetentionRule,
} from '../privacy/plan-retention.ts';
import type { CheckLine } from './check-line.ts';

type RetentionSettings = Pick<Config, 'retention' | 'vacancies'>;

/**
 * The `retention` line of `check`: a warning when candidate data is kept for ever; otherwise each rule with its
 * vacancies and the next purge, planned from the candidates in Redis (the same plan the daemon runs).
 */
export async function checkRetention(config: Config, now = new Date()): Promise<CheckLine> {
  if (!retentionConfigured(config)) return retentionLine(config, [], now);
  try {
    const redis = await reachRedis(config.redis, 'check');
    try {
      const keys = redisKeys(config.redis.prefix);
      const personal = await openPersonalData(redis, keys, config.security, process.env, { readOnly: true });
      const store = new CandidateStore(redis, keys, personal);
      const candidates = await store.list(config.vacancies.map((vacancy) => vacancy.id));
      return retentionLine(config, planRetention(config, candidates, now).next, now);
    } finally {
      redis.disconnect();
    }
  } catch (error) {
    return retentionLine(config, error instanceof Error ? error.message : String(error), now);
  }
}

/** The line for these settings and next purges (or why they could not be read: a reason). Pure. */
export function retentionLine(
  config: RetentionSettings,
  next: readonly NextPurge[] | string,
  now: Date,
): CheckLine {
  if (!retentionConfigured(config))
    return {
      ok: true,
      warning: true,
      name: 'retention',
      detail: 'not configured: candidate data is kept until someone erases it (set retention, see README)',
    };
  const rules = new Map<string, string[]>();
  for (const vacancy of config.vacancies) {
    const described = describeRule(retentionRule(config, vacancy));
    rules.set(described, [...(rules.get(described) ?? []), vacancy.id]);
  }
  const described = [...rules].map(([rule, vacancies]) => `${rule}: ${vacancies.join(', ')}`);
  return { ok: true, name: 'retention', detail: [...described, describeNext(next, now)].join('; ') };
}

function describeRule(rule: RetentionRule | null): string {
  if (rule === null) return 'kept';
  const period = [
    ...(rule.months > 0 ? [plural(rule.months, 'month')] : []),
    ...(rule.days > 0 || rule.months === 0 ? [plural(rule.days, 'day')] : []),
  ].join(' ');
  const mail =
    rule.mail.action === 'keep'
      ? 'mail kept'
      : rule.mail.action === 'delete'
        ? 'mail deleted'
        : `mail moved to ${rule.mail.folder}`;
  return `${rule.action} ${period} after the deadline (or last message), ${mail}`;
}

// The first purge that erases someone; else the first date still to come (a call whose candidates are yet to come).
function describeNext(next: readonly NextPurge[] | string, now: Date): string {
  if (typeof next === 'string') return `next purge unknown (${next})`;
  const dated = next.flatMap((purge) => (purge.at === null ? [] : [{ ...purge, at: purge.at }]));
  const first =
    dated.find((purge) => purge.candidates > 0) ??
    dated.find((purge) => Date.parse(purge.at) > now.getTime());
  if (first === undefined) return 'nothing to purge yet';
  const when = Date.parse(first.at) <= now.getTime() ? 'due now' : first.at;
  return `next purge ${when} (${first.vacancy}, ${plural(first.candidates, 'candidate')})`;
}
