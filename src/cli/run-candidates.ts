import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import { candidateCsvRows, CSV_COLUMNS, csvText } from '../stages/digests/digest-csv.ts';
import {
  candidateRegistrations,
  digestProfile,
  digestVacancyHeading,
} from '../stages/digests/digest-vacancy.ts';
import { createRegistrationLookup } from '../adapters/files/registration-lookup.ts';
import { candidateJson, formatCandidates } from './format-candidates.ts';
import { formatReview, reviewJson } from './format-review.ts';
import { splitReview } from '../candidates/review-state.ts';
import { printText } from './print-text.ts';

/**
 * `triage candidates [--vacancy <id>] [--json | --csv] [--review]`: the candidates recorded so far (a known
 * vacancy, or all) as a table, JSON, or CSV with the digest attachment's columns after a `vacancy` column; with
 * `--review`, the mail held for review instead (never counted among the candidates).
 */
export async function runCandidates(
  config: Config,
  options: { vacancy?: string; json?: boolean; csv?: boolean; review?: boolean },
): Promise<void> {
  const ids = options.vacancy ? [options.vacancy] : config.vacancies.map((vacancy) => vacancy.id);
  const redis = await reachRedis(config.redis, 'cli');
  try {
    const keys = redisKeys(config.redis.prefix);
    const personal = await openPersonalData(redis, keys, config.security, process.env, { readOnly: true });
    const { candidates: records, review } = splitReview(
      await new CandidateStore(redis, keys, personal).list(ids),
    );
    if (options.review) {
      if (options.json) console.log(JSON.stringify(review.map(reviewJson), null, 2));
      else printText(formatReview(review));
      return;
    }
    const registrations = await candidateRegistrations(
      createRegistrationLookup(process.cwd()),
      config,
      records,
    );
    if (options.csv) process.stdout.write(candidatesCsv(config, ids, records, registrations));
    else {
      if (options.json)
        console.log(
          JSON.stringify(
            records.map((record) => candidateJson(record, registrations.get(record.id))),
            null,
            2,
          ),
        );
      else printText(formatCandidates(records, registrations));
    }
  } finally {
    redis.disconnect();
  }
}

/** The candidates of the given vacancies as one CSV, each vacancy's rows in digest order. Pure. */
export function candidatesCsv(
  config: Pick<Config, 'vacancies' | 'digest'>,
  ids: readonly string[],
  records: readonly CandidateRecord[],
  registrations: ReadonlyMap<string, string> = new Map(),
): string {
  const rows = config.vacancies
    .filter((vacancy) => ids.includes(vacancy.id))
    .flatMap((vacancy) => {
      const all = records
        .filter((record) => record.vacancy === vacancy.id)
        .map((candidate) => ({ candidate, profile: digestProfile(candidate) }));
      const heading = digestVacancyHeading(vacancy);
      return candidateCsvRows(
        { vacancy: heading, changed: [], all, registrations },
        config.digest.weights,
      ).map((row) => [vacancy.id, ...row]);
    });
  return csvText([['vacancy', ...CSV_COLUMNS], ...rows]);
}
