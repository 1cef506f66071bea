import type { RedisClient } from '../adapters/redis/redis-client.ts';
import { CandidateEraser } from '../adapters/redis/candidate-eraser.ts';
import { decisionLedgerKinds } from '../config/decision-schema.ts';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { PersonTraces } from '../adapters/redis/person-traces.ts';
import { ReferenceHoldStore } from '../adapters/redis/reference-hold-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { redisKeys, type RedisKeys } from '../adapters/redis/redis-keys.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import { emailSchema } from '../config/schema-fields.ts';
import { TriageError } from '../errors/triage-error.ts';
import type { PersonalData } from '../privacy/personal-data.ts';

/** The stores the personal-data commands (forget, export-person, reseal) read and change. */
export interface PersonStores {
  redis: RedisClient;
  keys: RedisKeys;
  personal: PersonalData;
  candidates: CandidateStore;
  eraser: CandidateEraser;
  traces: PersonTraces;
  /** Referees' mails waiting for their applicant's candidate. */
  holds: ReferenceHoldStore;
}

/** Runs `work` with the personal-data stores open (`readOnly`: nothing is written to open them), then disconnects. */
export async function withPersonStores<T>(
  config: Config,
  work: (stores: PersonStores) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const redis = await reachRedis(config.redis, 'cli');
  try {
    const keys = redisKeys(config.redis.prefix);
    const personal = await openPersonalData(redis, keys, config.security, process.env, options);
    return await work({
      redis,
      keys,
      personal,
      candidates: new CandidateStore(redis, keys, personal),
      eraser: new CandidateEraser(redis, keys, personal, decisionLedgerKinds(config)),
      traces: new PersonTraces(redis, keys, personal),
      holds: new ReferenceHoldStore(redis, keys, personal),
    });
  } finally {
    redis.disconnect();
  }
}

/** An address given on the command line, lower-cased; anything else is an argument error (exit 2). */
export function personAddress(value: string): string {
  const parsed = emailSchema.safeParse(value.trim());
  if (!parsed.success) throw new TriageError('input-invalid', `not an e-mail address: ${value}`);
  return parsed.data;
}

/** The candidate records of an address, in the given vacancies. */
export async function findPersonRecords(
  candidates: CandidateStore,
  vacancyIds: readonly string[],
  address: string,
): Promise<CandidateRecord[]> {
  const records: CandidateRecord[] = [];
  for (const vacancyId of vacancyIds) {
    const id = await candidates.findByAddress(vacancyId, address);
    const record = id === null ? null : await candidates.get(id);
    if (record !== null) records.push(record);
  }
  return records;
}
