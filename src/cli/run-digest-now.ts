import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { DigestStore } from '../adapters/redis/digest-store.ts';
import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import { openMailboxLogins, requireTokenKey } from '../adapters/oauth/open-mailbox-logins.ts';
import { ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import type { Config } from '../config/schema.ts';
import { createRegistrationLookup } from '../adapters/files/registration-lookup.ts';
import { runDigest, type DigestStagePorts } from '../stages/digests/run-digest.ts';
import { planDigestSchedules } from '../stages/digests/plan-digest-schedules.ts';
import type { Logger } from '../logging/create-logger.ts';
import { quietLogger } from './quiet-logger.ts';
import { printText } from './print-text.ts';

/** `triage digest --now [--vacancy <id>]`: sends the due digests now, one line per supervisor. */
export async function runDigestNowCommand(config: Config, vacancyId?: string): Promise<void> {
  const lines = await runDigestNow(config, quietLogger(), vacancyId);
  for (const line of lines) printText(line);
  if (lines.length === 0) printText('No digests are configured for that vacancy.');
}

/** Sends the due digests now (all supervisors, or those of one vacancy); one line per supervisor. */
export async function runDigestNow(config: Config, logger: Logger, vacancyId?: string): Promise<string[]> {
  const redis = await reachRedis(config.redis, 'digest-now');
  const keys = redisKeys(config.redis.prefix);
  const personal = await openPersonalData(redis, keys, config.security);
  const ports: DigestStagePorts = {
    config,
    candidates: new CandidateStore(redis, keys, personal),
    digests: new DigestStore(redis, keys),
    keys,
    registrations: createRegistrationLookup(process.cwd()),
    ledger: new ReplyLedger(redis),
    transport: new ReplyTransports(
      config.mailboxes,
      openMailboxLogins(redis, keys, logger, requireTokenKey(config)).logins,
    ),
    logger,
  };
  const runId = `now.${new Date().toISOString()}`;
  const lines: string[] = [];
  try {
    for (const schedule of planDigestSchedules(config)) {
      const vacancies =
        vacancyId === undefined ? schedule.vacancies : schedule.vacancies.filter((id) => id === vacancyId);
      if (vacancies.length === 0) continue;
      const result = await runDigest(ports, {
        runId: `${runId}.${schedule.id}`,
        supervisor: schedule.supervisor,
        vacancies,
        timezone: schedule.timezone,
      });
      lines.push(
        `${result.sent ? 'sent' : 'not sent'}  ${schedule.supervisor} (${vacancies.join(', ')})${result.sent ? '' : `: ${result.reason}`}`,
      );
    }
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
  return lines;
}
