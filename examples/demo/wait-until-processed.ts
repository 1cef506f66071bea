import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import type { RedisClient } from '../../src/adapters/redis/redis-client.ts';
import type { CandidateStore } from '../../src/adapters/redis/candidate-store.ts';
import { DeadLetterStore } from '../../src/adapters/redis/dead-letters.ts';
import type { RedisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { SeenSummary } from '../../src/ports/stage-stores.ts';
import { sentMessageIds, undecidedReplies, type ReplyRules } from './reply-outcomes.ts';
import { plural } from '../../src/domain/plural.ts';

/** What the daemon's state is read from while waiting. */
export interface ProcessedProbe {
  redis: RedisClient;
  keys: RedisKeys;
  store: CandidateStore;
  /** A client that never selects the watched folder (it only asks for STATUS). */
  imap: ImapFlow;
  mailboxId: string;
  watch: string;
  vacancyIds: readonly string[];
  /** The message key of each message put into the watched folder (a key appears twice for a redelivery). */
  messageKeys: readonly string[];
  /** How the assess stage chooses the reply each application calls for. */
  replyRules: ReplyRules;
  /** The Message-IDs of the messages the SMTP sink has received so far. */
  delivered: () => Promise<ReadonlySet<string | null>>;
}

/** How far the daemon has got; `done` once every message was triaged, filed and answered as it calls for. */
interface Progress {
  done: boolean;
  summary: string;
}

/**
 * Waits until the daemon has triaged every message (each key is in the mailbox's seen hash), filed every
 * application (its candidate records the folder, and no copy is left in the watched folder), recorded the
 * decision on every reply the applications call for (sent, suppressed…), and until the SMTP sink has received
 * every reply recorded as sent. Fails at once on a dead letter or when `signal` aborts, and after `timeoutMs`
 * with what is still outstanding. Returns the seen summaries by message key.
 */
export async function waitUntilProcessed(
  probe: ProcessedProbe,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Map<string, SeenSummary>> {
  const deadline = Date.now() + timeoutMs;
  let progress: Progress = { done: false, summary: 'nothing looked at yet' };
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    const dead = await new DeadLetterStore(probe.redis, probe.keys).list();
    if (dead.length > 0) {
      const reasons = dead.map((letter) => `  ${letter.queue} job ${letter.jobId}: ${letter.reason}`);
      throw new Error(`the daemon gave up on ${dead.length} job(s):\n${reasons.join('\n')}`);
    }
    const seen = await readSeen(probe);
    progress = await checkProgress(probe, seen);
    if (progress.done) return seen;
    await sleep(250, undefined, { signal });
  }
  throw new Error(`the daemon did not finish within ${timeoutMs / 1000} s (${progress.summary})`);
}

const FILED_KINDS: ReadonlySet<string> = new Set(['application', 'review']);

async function readSeen(probe: ProcessedProbe): Promise<Map<string, SeenSummary>> {
  const stored = await probe.redis.hgetall(probe.keys.seen(probe.mailboxId));
  return new Map(Object.entries(stored).map(([key, value]) => [key, JSON.parse(value) as SeenSummary]));
}

async function checkProgress(probe: ProcessedProbe, seen: Map<string, SeenSummary>): Promise<Progress> {
  const distinct = new Set(probe.messageKeys);
  const triaged = [...distinct].filter((key) => seen.has(key)).length;
  if (triaged < distinct.size) {
    return { done: false, summary: `${triaged} of ${plural(distinct.size, 'distinct message')} triaged` };
  }
  // A review item (a near miss) is recorded and filed like an application, in the review folder.
  const applications = [...distinct].filter((key) => FILED_KINDS.has(seen.get(key)?.kind ?? ''));
  const records = await probe.store.list(probe.vacancyIds);
  const filed = new Set(
    records.flatMap((record) =>
      record.messages.filter((message) => message.filedTo).map((message) => message.key),
    ),
  );
  const unfiled = applications.filter((key) => !filed.has(key)).length;
  if (unfiled > 0) {
    return {
      done: false,
      summary: `${unfiled} of ${plural(applications.length, 'application')} not filed yet`,
    };
  }
  // A redelivered application is filed too, and so is a near miss (into review) and a referee's letter once linked
  // (a held one stays): the watched folder ends up holding only the other messages.
  const linked = new Set(records.flatMap((record) => record.references.map((reference) => reference.key)));
  const expected = probe.messageKeys.filter(
    (key) => !FILED_KINDS.has(seen.get(key)?.kind ?? '') && !linked.has(key),
  ).length;
  const status = await probe.imap.status(probe.watch, { messages: true });
  if (status === false) return { done: false, summary: `cannot read the status of ${probe.watch}` };
  const left = status.messages ?? 0;
  if (left !== expected) {
    return {
      done: false,
      summary: `${plural(left, 'message')} in ${probe.watch}, ${expected} expected to stay`,
    };
  }
  const undecided = undecidedReplies(records, probe.replyRules).length;
  if (undecided > 0)
    return { done: false, summary: `${plural(undecided, 'reply decision')} not recorded yet` };
  const delivered = await probe.delivered();
  const missing = sentMessageIds(records).filter((id) => !delivered.has(id)).length;
  if (missing > 0)
    return {
      done: false,
      summary: `${plural(missing, 'sent reply', 'sent replies')} not at the SMTP server yet`,
    };
  return { done: true, summary: 'done' };
}
