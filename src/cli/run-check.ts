import { availableParallelism } from 'node:os';
import type { Config } from '../config/schema.ts';
import { availableMemoryBound } from '../documents/available-memory-bound.ts';
import type { MemoryBound } from '../documents/reading-process.ts';
import type { Logger } from '../logging/create-logger.ts';
import { connectImap } from '../adapters/imap/connect-imap.ts';
import { loginName } from '../adapters/oauth/mailbox-logins.ts';
import { describeRedis, reachRedis } from '../adapters/redis/reach-redis.ts';
import { primaryNodes } from '../adapters/redis/redis-client.ts';
import { plural } from '../domain/plural.ts';
import { TriageError } from '../errors/triage-error.ts';
import { checkHint } from './check-hints.ts';
import type { CheckLine } from './check-line.ts';
import { checkLogins } from './check-oauth.ts';
import { checkOcr } from './check-ocr.ts';
import { checkPersonalData } from './check-personal-data.ts';
import { checkRetention } from './check-retention.ts';
import { checkCalls } from './check-calls.ts';
import { checkSentFolders } from './check-sent-folders.ts';
import { createRegistrationLookup } from '../adapters/files/registration-lookup.ts';
import { quietLogger } from './quiet-logger.ts';
import { verifySmtp } from '../adapters/smtp/verify-smtp.ts';
import { printText } from './print-text.ts';

/** Settings that are valid but probably a mistake: a vacancy whose deadline has passed. Pure. */
export function configWarnings(config: Pick<Config, 'vacancies'>, now = new Date()): CheckLine[] {
  return config.vacancies
    .filter((vacancy) => vacancy.deadline !== undefined && Date.parse(vacancy.deadline) <= now.getTime())
    .map((vacancy) => ({
      ok: true,
      warning: true,
      name: `vacancy ${vacancy.id}`,
      detail: `deadline ${vacancy.deadline} has passed: every new applicant is told the call has closed`,
    }));
}

/** How documents will be read here: in how many processes, with how much memory each, bounded how. Pure. */
export function readingLine(
  config: Pick<Config, 'extraction'>,
  bound: MemoryBound,
  cores: number,
): CheckLine {
  const { memoryMb, threads } = config.extraction;
  const processes = plural(threads === 0 ? cores : threads, 'reading process', 'reading processes');
  const each = `${processes}, ${memoryMb} MB of memory for each document`;
  switch (bound) {
    case 'kernel':
      return { ok: true, name: 'documents', detail: `${each}, bounded by the kernel's data limit (prlimit)` };
    case 'watchdog':
      return {
        ok: true,
        warning: true,
        name: 'documents',
        detail: `${each}, bounded by polling their RSS every 25 ms: prlimit (util-linux) was not found, a fast allocation can overshoot`,
      };
    case 'heap':
      return {
        ok: true,
        warning: true,
        name: 'documents',
        detail: `${each}, of which only the JavaScript heap is bounded: no /proc and no prlimit on this system`,
      };
  }
}

/** `triage check`: prints one line per check (`ok`, `warn` or `FAIL`); the exit code, 1 when any failed. */
export async function runCheckCommand(config: Config, source: string): Promise<number> {
  const lines = await runCheck(config, quietLogger('fatal'), source);
  for (const line of lines) {
    const status = line.ok ? (line.warning ? 'warn' : 'ok  ') : 'FAIL';
    printText(`${status}  ${line.name}: ${line.detail}`);
  }
  return lines.every((line) => line.ok) ? 0 : 1;
}

/** Reaches Redis and every mailbox's IMAP and SMTP server; one line per check, in order. */
export async function runCheck(config: Config, logger: Logger, source: string): Promise<CheckLine[]> {
  const lines: CheckLine[] = [
    {
      ok: true,
      name: 'config',
      detail: `${source}: ${plural(config.mailboxes.length, 'mailbox', 'mailboxes')}, ${plural(config.vacancies.length, 'vacancy')}`,
    },
    ...configWarnings(config),
    ...(config.security.secret === undefined
      ? [
          {
            ok: true,
            warning: true,
            name: 'security',
            detail:
              'security.secret is not set: the reply token key is a random one kept in Redis (set it from an environment variable to keep the key out of Redis)',
          },
        ]
      : []),
  ];
  lines.push(readingLine(config, availableMemoryBound(), availableParallelism()));
  lines.push(await checkOcr(config.extraction.ocr));
  lines.push(await attempt('redis', () => checkRedis(config)));
  lines.push(await checkPersonalData(config), await checkRetention(config));
  lines.push(...(await checkCalls(config, createRegistrationLookup(process.cwd()))));
  lines.push(...(await checkSentFolders(config)));
  const redis = config.mailboxes.some((mailbox) => mailbox.auth !== undefined)
    ? await reachRedis(config.redis, 'check').catch(() => null)
    : null;
  try {
    const { logins, lines: authLines } = await checkLogins(config, redis, logger);
    lines.push(...authLines);
    for (const mailbox of config.mailboxes) {
      const user = mailbox.auth === undefined ? (mailbox.imap.auth?.user ?? '?') : loginName(mailbox);
      const how = mailbox.auth === undefined ? '' : ' with an OAuth2 token';
      const login = mailbox.auth === undefined ? 'password' : 'oauth2';
      lines.push(
        await attempt(
          `imap ${mailbox.id}`,
          async () => {
            const client = await connectImap(mailbox, logger, {
              maxMessageBytes: config.limits.maxMessageBytes,
              purpose: 'check',
              logins,
            });
            try {
              const status = await client.status(mailbox.watch, { messages: true });
              const count = status === false ? '?' : String(status.messages ?? '?');
              return `${mailbox.imap.host}:${mailbox.imap.port} as ${user}${how}, ${mailbox.watch} has ${count} messages`;
            } finally {
              await client.logout().catch(() => client.close());
            }
          },
          login,
        ),
      );
      lines.push(
        await attempt(
          `smtp ${mailbox.id}`,
          async () => {
            await verifySmtp(mailbox.smtp, () => logins.smtp(mailbox));
            return `${mailbox.smtp.host}:${mailbox.smtp.port}${how}`;
          },
          login,
        ),
      );
    }
  } finally {
    redis?.disconnect();
  }
  const { alerts } = config;
  if (alerts) {
    const sender = config.mailboxes.find((mailbox) => mailbox.id === alerts.mailbox) ?? config.mailboxes[0];
    const recipients = alerts.to.join(', ');
    if (alerts.smtp) {
      const smtp = alerts.smtp;
      lines.push(
        await attempt('alerts', async () => {
          await verifySmtp(smtp, () =>
            Promise.resolve(smtp.auth === undefined ? undefined : { ...smtp.auth }),
          );
          return `to ${recipients} via ${smtp.host}:${smtp.port}`;
        }),
      );
    } else {
      lines.push({
        ok: true,
        name: 'alerts',
        detail: `to ${recipients} via mailbox ${sender?.id ?? '?'}'s SMTP`,
      });
    }
  }
  return lines;
}

async function checkRedis(config: Config): Promise<string> {
  const redis = await reachRedis(config.redis, 'check');
  try {
    const nodes = primaryNodes(redis);
    const policies = await Promise.all(
      nodes.map(async (node) => {
        const reply = (await node.config('GET', 'maxmemory-policy').catch(() => [])) as string[];
        return reply[1] ?? 'unknown';
      }),
    );
    const wrong = policies.find((value) => value !== 'noeviction' && value !== 'unknown');
    if (wrong !== undefined) {
      throw new Error(
        `maxmemory-policy is ${wrong}; BullMQ needs noeviction (jobs could be evicted and lost)`,
      );
    }
    const value = [...new Set(policies)].join(', ');
    const masters = config.redis.cluster === undefined ? '' : `${plural(nodes.length, 'master')}, `;
    return `${describeRedis(config.redis)} (${masters}maxmemory-policy ${value}, prefix ${config.redis.prefix})`;
  } finally {
    redis.disconnect();
  }
}

async function attempt(
  name: string,
  check: () => Promise<string>,
  login: 'password' | 'oauth2' = 'password',
): Promise<CheckLine> {
  try {
    return { ok: true, name, detail: await check() };
  } catch (error) {
    // One line: OpenSSL's messages end with a line break.
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    // Redis's reason is already in words (reachRedis); the hints are for the mail servers' raw errors.
    const hint =
      error instanceof TriageError && error.code === 'redis-unavailable' ? null : checkHint(error, login);
    return { ok: false, name, detail: hint ? `${detail} — ${hint}` : detail };
  }
}
