import type { Redis } from 'ioredis';
import { CandidateStore } from '../adapters/redis/candidate-store.ts';
import { DigestStore } from '../adapters/redis/digest-store.ts';
import { shortHash, type RedisKeys } from '../adapters/redis/redis-keys.ts';
import type { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import { composeReply, parseSmtpError, type ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import { buildCandidateProfile, fitProfile } from '../candidates/candidate-profile.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { profileSummary } from '../candidates/profile-summary.ts';
import type { Config } from '../config/schema.ts';
import type { CandidateProfile } from '../digests/fit-score.ts';
import { composeDigest, type DigestVacancy } from '../digests/compose-digest.ts';
import { TriageError } from '../errors/triage-error.ts';
import { LOOP_MARKER_HEADER } from '../ingest/triage-message.ts';
import type { Logger } from '../logging/create-logger.ts';
import { signatureOf } from '../replies/plan-reply.ts';
import { replyMessageId } from '../replies/reply-headers.ts';

/** What sending a digest needs: Redis, the SMTP transports and the ledger that makes a run send at most once. */
export interface DigestContext {
  config: Config;
  redis: Redis;
  keys: RedisKeys;
  ledger: ReplyLedger;
  transports: ReplyTransports;
  logger: Logger;
}

/** One digest run: a supervisor, their vacancies, and a run id unique to the schedule slot (or `now.<time>`). */
export interface DigestRun {
  runId: string;
  supervisor: string;
  vacancies: readonly string[];
  /** The time zone of this digest's schedule (supervisor's, else vacancy's, else global). */
  timezone: string;
}

/**
 * Composes and sends one digest of the changes since the supervisor's watermarks, then moves the watermarks to
 * what it reported — only after the server accepted it. A retry of a run that was sent only moves the watermarks;
 * a run that died while sending is not sent again (its candidates stay in the totals and the CSV).
 */
export async function sendDigest(
  context: DigestContext,
  run: DigestRun,
): Promise<{ sent: boolean; reason: string }> {
  const { config, keys, ledger, logger } = context;
  const supervisorHash = shortHash(run.supervisor);
  const ledgerKey = keys.digestLedger(supervisorHash, run.runId);
  const digests = new DigestStore(context.redis, keys);
  const previous = await ledger.read(ledgerKey);
  if (previous?.state === 'sent' || previous?.state === 'sending') {
    await digests.applyPending(ledgerKey, supervisorHash);
    return { sent: false, reason: `already ${previous.state}` };
  }
  const vacancies = config.vacancies.filter((vacancy) => run.vacancies.includes(vacancy.id));
  const mailbox = config.mailboxes.find((entry) => entry.id === vacancies[0]?.mailbox);
  if (!mailbox || vacancies.length === 0) return { sent: false, reason: 'no such vacancies' };
  const { input, marks } = await gatherDigest(context, digests, supervisorHash, run);
  const composed = composeDigest({ ...input, signature: signatureOf(mailbox.from) });
  if (composed === null) return { sent: false, reason: 'nothing new' };
  await digests.savePending(ledgerKey, marks);
  const messageId = replyMessageId(ledgerKey, mailbox.address);
  const owner = `${run.runId}:${process.pid}:${Date.now()}`;
  if ((await ledger.claim(ledgerKey, owner, messageId)) !== 'claimed')
    return { sent: false, reason: 'claimed elsewhere' };
  const raw = await composeReply({
    from: mailbox.from,
    to: { name: '', address: run.supervisor },
    subject: composed.subject,
    messageId,
    inReplyTo: null,
    references: [],
    headers: { 'Auto-Submitted': 'auto-generated', [LOOP_MARKER_HEADER]: 'digest' },
    text: composed.text,
    html: composed.html,
    attachments: composed.attachments,
  });
  try {
    const sent = await context.transports.send(mailbox, run.supervisor, raw, () =>
      ledger.markSending(ledgerKey, owner),
    );
    if (sent === 'abandoned') return { sent: false, reason: 'taken over by another attempt' };
  } catch (error) {
    const failure = parseSmtpError(error);
    if (failure.outcome === 'transient') {
      await ledger.release(ledgerKey, owner, failure.detail);
      throw new TriageError('smtp-unavailable', `digest not accepted yet: ${failure.detail}`, {
        cause: error,
      });
    }
    if (failure.outcome === 'permanent') await ledger.markFailed(ledgerKey, owner, failure.detail);
    // Cut off after the transfer: it may have arrived, so its candidates are not announced as new again.
    if (failure.outcome === 'ambiguous') await digests.applyPending(ledgerKey, supervisorHash);
    logger.error(
      { run: run.runId, outcome: failure.outcome, reason: failure.detail },
      'digest not delivered',
    );
    return { sent: false, reason: `${failure.outcome}: ${failure.detail}` };
  }
  await ledger.markSent(ledgerKey, owner);
  await digests.applyPending(ledgerKey, supervisorHash);
  logger.info({ run: run.runId, ...composed.counts }, 'digest sent');
  return { sent: true, reason: messageId };
}

// A candidate none of whose documents or mails has been read yet has no profile ("no profile yet").
function digestProfile(candidate: CandidateRecord): CandidateProfile | undefined {
  const read =
    candidate.documents.some((document) => document.reading !== null) ||
    candidate.messages.some((message) => message.bodyProfile !== null);
  if (!read) return undefined;
  const view = buildCandidateProfile(candidate);
  return { ...fitProfile(view), summary: profileSummary(view) };
}

async function gatherDigest(
  context: DigestContext,
  digests: DigestStore,
  supervisorHash: string,
  run: DigestRun,
) {
  const { config } = context;
  const store = new CandidateStore(context.redis, context.keys);
  const watermarks = await digests.watermarks(supervisorHash, run.vacancies);
  const marks = new Map<string, number>();
  const vacancies: DigestVacancy[] = [];
  for (const vacancy of config.vacancies.filter((entry) => run.vacancies.includes(entry.id))) {
    const since = await digests.changesSince(vacancy.id, watermarks.get(vacancy.id) ?? 0);
    marks.set(vacancy.id, since.upTo);
    const all = await store.list([vacancy.id]);
    const byId = new Map(all.map((candidate) => [candidate.id, candidate]));
    const changed = since.changed.flatMap(({ candidateId, isNew }) => {
      const candidate = byId.get(candidateId);
      return candidate ? [{ candidate, isNew, profile: digestProfile(candidate) }] : [];
    });
    vacancies.push({
      vacancy: {
        id: vacancy.id,
        title: vacancy.title,
        tag: vacancy.tag,
        deadline: vacancy.deadline ?? null,
        required: vacancy.documents.required,
      },
      changed,
      all: all.map((candidate) => ({ candidate, profile: digestProfile(candidate) })),
    });
  }
  const input = {
    supervisor: run.supervisor,
    now: new Date().toISOString(),
    timezone: run.timezone,
    vacancies,
    weights: config.digest.weights,
    sendEmpty: config.digest.sendEmpty,
  };
  return { input, marks };
}
