import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { shortHash } from '../domain/short-hash.ts';
import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { ReplyGuards } from '../adapters/redis/reply-guards.ts';
import { SentRecipientsStore } from '../adapters/redis/sent-recipients-store.ts';
import { createRegistrationLookup } from '../adapters/files/registration-lookup.ts';
import { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import { readReplyKey } from '../adapters/redis/reply-key-store.ts';
import { SentReplies } from '../adapters/redis/sent-replies.ts';
import type { Config } from '../config/schema.ts';
import { DocumentPool } from '../documents/document-pool.ts';
import { explainMessage } from '../explain/explain-message.ts';
import type { Explanation } from '../explain/explanation.ts';
import { parseMessage, type ParseLimits, type ParsedMessage } from '../mail/parse-message.ts';
import { loadVacancyTemplates } from '../stages/replies/load-vacancy-templates.ts';
import { TriageError } from '../errors/triage-error.ts';
import { readInput, requireMailbox } from './cli-inputs.ts';
import { formatExplanation } from './format-explanation.ts';
import { printText } from './print-text.ts';

/** `triage explain <file>`: prints the explanation of one message file; a file that is not mail is input-invalid. */
export async function runExplainCommand(
  config: Config,
  file: string,
  options: { json?: boolean; mailbox?: string; history?: boolean },
): Promise<void> {
  if (options.mailbox !== undefined) requireMailbox(config, options.mailbox);
  const parsed = await parseMessageFile(await readInput(file), config.limits);
  if (Object.keys(parsed.facts.headers).every((name) => name === '')) {
    throw new TriageError('input-invalid', `${file} is not an e-mail message: it has no header fields`);
  }
  const explanation = await runExplain(parsed, config, {
    mailboxId: options.mailbox ?? config.mailboxes[0]?.id ?? '',
    history: options.history === true,
  });
  if (options.json) console.log(JSON.stringify(explanation, null, 2));
  else printText(formatExplanation(explanation));
}

/**
 * `explain`: the daemon's plans on one parsed message, with its documents read as the daemon reads them. With
 * `history`, the daemon's candidates and bounce list are read (never written) from Redis, so a follow-up is
 * explained as a follow-up (and a reply already sent as such); without it nothing but the file is read.
 */
export async function runExplain(
  parsed: ParsedMessage,
  config: Config,
  options: { mailboxId: string; history: boolean },
): Promise<Explanation> {
  const redis = options.history ? await reachRedis(config.redis, 'explain') : null;
  const reader = new DocumentPool(config.extraction);
  try {
    const keys = redisKeys(config.redis.prefix);
    const personal = redis
      ? await openPersonalData(redis, keys, config.security, process.env, { readOnly: true })
      : null;
    // Without the daemon's store a dry run hashes addresses unkeyed: only the shown reply's Message-ID uses it.
    const ledgerKeys = {
      ...keys,
      addressHash: (address: string) => personal?.hashAddress(address) ?? shortHash(address.toLowerCase()),
    };
    return await explainMessage(parsed, {
      config,
      mailboxId: options.mailboxId,
      templates: await loadVacancyTemplates(config),
      reader,
      history: redis && personal ? new CandidateStore(redis, keys, personal) : null,
      guards: redis && personal ? new ReplyGuards(redis, keys, personal) : null,
      sent: redis ? { keys: ledgerKeys, ledger: new ReplyLedger(redis) } : null,
      sentReplies: redis && personal ? new SentReplies(redis, keys, personal) : null,
      sentRecipients: redis && personal ? new SentRecipientsStore(redis, keys, personal) : null,
      registrations: createRegistrationLookup(process.cwd()),
      replyKey: await readReplyKey(redis, keys, config.security.secret),
      ledgerKeys,
    });
  } finally {
    redis?.disconnect();
    await reader.close();
  }
}

/**
 * Parses a message file as the daemon parses a fetched message: one larger than `limits.maxMessageBytes` from its
 * header block only (flagged oversize-message), the rest in full.
 */
export function parseMessageFile(raw: Buffer, limits: ParseLimits & { maxMessageBytes: number }) {
  if (raw.length <= limits.maxMessageBytes) return parseMessage(raw, limits);
  const end = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((at) => at >= 0);
  const headers = raw.subarray(0, end.length > 0 ? Math.min(...end) : raw.length);
  return parseMessage(headers, limits, { headersOnly: true });
}
