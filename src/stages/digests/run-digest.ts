import type { Config } from '../../config/schema.ts';
import type { RegistrationLookup } from '../../ports/call-ports.ts';
import { LOOP_MARKER_HEADER } from '../../domain/loop-marker.ts';
import { shortHash } from '../../domain/short-hash.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { CandidateRecords } from '../../ports/candidate-records.ts';
import type { LedgerKeys } from '../../ports/delivery-ports.ts';
import type { DigestState } from '../../ports/stage-stores.ts';
import { deliverOnce, type DeliveryPorts } from '../delivery/deliver-once.ts';
import { signatureOf } from '../replies/plan-reply.ts';
import { replyMessageId } from '../replies/reply-headers.ts';
import { composeDigest } from './compose-digest.ts';
import { type DigestVacancy } from './digest-input.ts';
import { digestProfile, digestVacancyHeading, registrationTexts } from './digest-vacancy.ts';
import { digestAttention } from './digest-attention.ts';
import { splitReview } from '../../candidates/review-state.ts';

/** What sending a digest uses: the candidates, the digest watermarks and the at-most-once protocol's ports. */
export interface DigestStagePorts extends DeliveryPorts {
  config: Pick<Config, 'vacancies' | 'mailboxes' | 'digest'>;
  candidates: Pick<CandidateRecords, 'list'>;
  digests: DigestState;
  keys: Pick<LedgerKeys, 'digestLedger'>;
  /** The vacancies' registration forms. */
  registrations: RegistrationLookup;
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
export async function runDigest(
  ports: DigestStagePorts,
  run: DigestRun,
): Promise<{ sent: boolean; reason: string }> {
  const { config, keys, ledger, digests, logger } = ports;
  const supervisorHash = shortHash(run.supervisor);
  const ledgerKey = keys.digestLedger(supervisorHash, run.runId);
  const previous = await ledger.read(ledgerKey);
  if (previous?.state === 'sent' || previous?.state === 'sending') {
    await digests.applyPending(ledgerKey, supervisorHash);
    return { sent: false, reason: `already ${previous.state}` };
  }
  const vacancies = config.vacancies.filter((vacancy) => run.vacancies.includes(vacancy.id));
  const mailbox = config.mailboxes.find((entry) => entry.id === vacancies[0]?.mailbox);
  if (!mailbox || vacancies.length === 0) return { sent: false, reason: 'no such vacancies' };
  const { input, marks } = await gatherDigest(ports, supervisorHash, run);
  const composed = composeDigest({ ...input, signature: signatureOf(mailbox.from) });
  if (composed === null) return { sent: false, reason: 'nothing new' };
  await digests.savePending(ledgerKey, marks);
  const messageId = replyMessageId(ledgerKey, mailbox.address);
  const outcome = await deliverOnce(ports, {
    what: 'digest',
    ledgerKey,
    owner: `${run.runId}:${process.pid}:${Date.now()}`,
    messageId,
    ttlMs: 0,
    mailbox,
    recipient: run.supervisor,
    compose: () =>
      ports.transport.compose({
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
      }),
  });
  if (outcome.status === 'not-claimed') return { sent: false, reason: 'claimed elsewhere' };
  if (outcome.status === 'abandoned') return { sent: false, reason: 'taken over by another attempt' };
  if (outcome.status !== 'sent') {
    // Cut off after the transfer: it may have arrived, so its candidates are not announced as new again.
    if (outcome.status === 'unconfirmed') await digests.applyPending(ledgerKey, supervisorHash);
    const failure = outcome.status === 'refused' ? 'permanent' : 'ambiguous';
    logger.error({ run: run.runId, outcome: failure, reason: outcome.detail }, 'digest not delivered');
    return { sent: false, reason: `${failure}: ${outcome.detail}` };
  }
  await digests.applyPending(ledgerKey, supervisorHash);
  logger.info({ run: run.runId, ...composed.counts }, 'digest sent');
  return { sent: true, reason: messageId };
}

async function gatherDigest(ports: DigestStagePorts, supervisorHash: string, run: DigestRun) {
  const { config, digests } = ports;
  const watermarks = await digests.watermarks(supervisorHash, run.vacancies);
  const marks = new Map<string, number>();
  const vacancies: DigestVacancy[] = [];
  const now = new Date().toISOString();
  for (const vacancy of config.vacancies.filter((entry) => run.vacancies.includes(entry.id))) {
    const since = await digests.changesSince(vacancy.id, watermarks.get(vacancy.id) ?? 0);
    marks.set(vacancy.id, since.upTo);
    const records = await ports.candidates.list([vacancy.id]);
    // Review items are listed as possible applications, never as candidates (ranking, totals, CSV).
    const all = splitReview(records).candidates;
    const byId = new Map(all.map((candidate) => [candidate.id, candidate]));
    const changed = since.changed.flatMap(({ candidateId, isNew }) => {
      const candidate = byId.get(candidateId);
      return candidate ? [{ candidate, isNew, profile: digestProfile(candidate) }] : [];
    });
    vacancies.push({
      vacancy: digestVacancyHeading(vacancy),
      changed,
      all: all.map((candidate) => ({ candidate, profile: digestProfile(candidate) })),
      ...(vacancy.registrations
        ? { registrations: await registrationTexts(ports.registrations, vacancy, all) }
        : {}),
      attention: digestAttention(records, new Set(since.changed.map((change) => change.candidateId)), {
        now,
        questionDays: config.digest.questionDays,
      }),
    });
  }
  const input = {
    supervisor: run.supervisor,
    now,
    timezone: run.timezone,
    vacancies,
    weights: config.digest.weights,
    sendEmpty: config.digest.sendEmpty,
  };
  return { input, marks };
}
