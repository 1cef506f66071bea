import { retryDeadLetters } from '../adapters/queues/retry-dead-letters.ts';
import { deadLetterId, DeadLetterStore } from '../adapters/redis/dead-letters.ts';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import type { RedisClient } from '../adapters/redis/redis-client.ts';
import { redisKeys, type RedisKeys } from '../adapters/redis/redis-keys.ts';
import type { RetryOutcome } from '../adapters/queues/retry-dead-letters.ts';
import { withHistory } from '../candidates/candidate-updates.ts';
import type { Config } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';
import { printText } from './print-text.ts';

/** `triage dead-letters [--json]`: one line per message whose processing failed for good. */
export async function runDeadLetters(config: Config, json: boolean): Promise<void> {
  const redis = await reachRedis(config.redis, 'cli');
  try {
    const letters = await new DeadLetterStore(redis, redisKeys(config.redis.prefix)).list();
    if (json) console.log(JSON.stringify(letters, null, 2));
    else if (letters.length === 0) printText('No dead letters.');
    else
      for (const letter of letters) {
        // One line per letter, whatever the recorded reason holds.
        printText(`${letter.failedAt}  ${deadLetterId(letter)}  ${letter.reason.replace(/\s+/g, ' ')}`);
      }
  } finally {
    redis.disconnect();
  }
}

/**
 * `triage dead-letters --retry <id…|all> [--dry-run]`: queues the dead letters' jobs again (after the cause was
 * fixed), one line each, and records the retry in the history of the candidate a job works for; exit code 1 when
 * a job could not be retried. An id that is no dead letter is an argument error.
 */
export async function runRetryDeadLetters(
  config: Config,
  ids: readonly string[],
  options: { dryRun: boolean; json: boolean },
): Promise<number> {
  const redis = await reachRedis(config.redis, 'cli');
  try {
    const keys = redisKeys(config.redis.prefix);
    const letters = await new DeadLetterStore(redis, keys).list();
    const all = ids.length === 1 && ids[0] === 'all';
    const unknown = all ? [] : ids.filter((id) => !letters.some((letter) => deadLetterId(letter) === id));
    if (unknown.length > 0) {
      const known = letters.length === 0 ? 'there are none' : `see triage dead-letters`;
      throw new TriageError('input-invalid', `no dead letter ${unknown.join(', ')} (${known})`);
    }
    const chosen = all ? letters : letters.filter((letter) => ids.includes(deadLetterId(letter)));
    const outcomes = await retryDeadLetters(redis, keys, config.redis.prefix, chosen, options.dryRun);
    await recordRetries(config, redis, keys, outcomes);
    if (options.json) console.log(JSON.stringify(outcomes, null, 2));
    else if (outcomes.length === 0) printText('No dead letters.');
    else for (const outcome of outcomes) printText(`${outcome.status}  ${outcome.id}  ${outcome.detail}`);
    return outcomes.some((outcome) => outcome.status === 'gone') ? 1 : 0;
  } finally {
    redis.disconnect();
  }
}

// Each retried job's candidate (when it has one, and still exists) gets a `retry` entry in its history.
async function recordRetries(
  config: Config,
  redis: RedisClient,
  keys: RedisKeys,
  outcomes: readonly RetryOutcome[],
): Promise<void> {
  const retried = outcomes.filter((outcome) => outcome.status === 'retried' && outcome.candidateId !== null);
  if (retried.length === 0) return;
  const candidates = new CandidateStore(redis, keys, await openPersonalData(redis, keys, config.security));
  for (const { id, candidateId } of retried) {
    const entry = { at: new Date().toISOString(), action: 'retry', by: 'operator' as const };
    await candidates.update(candidateId ?? '', (record) =>
      withHistory(record, { ...entry, detail: `dead letter ${id} queued again` }),
    );
  }
}
