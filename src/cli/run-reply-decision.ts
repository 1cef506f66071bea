import { queueReplyJob } from '../adapters/queues/queue-reply-job.ts';
import { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';
import {
  unconfirmedCount,
  unconfirmedReply,
  withReplyDecision,
  type UnconfirmedReply,
} from '../operator/unconfirmed-reply.ts';
import { replyJobId, type ReplyJob } from '../stages/replies/reply-job.ts';
import { candidateReplyLedgerKey, legacyReplyLedgerKey } from '../stages/replies/run-reply.ts';
import { withPersonStores, type PersonStores } from './open-person-stores.ts';
import { requireCandidate } from './operator-inputs.ts';
import { printText } from './print-text.ts';

/** A person's decision about a `reply-unconfirmed` reply: send it once more, or take it as sent. */
export type ReplyDecision = 'resend' | 'dismiss';

/**
 * `triage resend <candidate> [--dry-run]` and `triage dismiss <candidate> [--dry-run]`: a reply whose send was cut
 * off (flag `reply-unconfirmed`) is either queued once more for the daemon's reply workers — under every reply rule,
 * and at most once however often the command runs — or recorded as sent. Either way the reply ledger's entry moves
 * out of `sending` atomically, the flag is cleared and the decision goes into the candidate's history.
 */
export async function runReplyDecision(
  config: Config,
  action: ReplyDecision,
  value: string,
  options: { vacancy?: string | undefined; dryRun: boolean },
): Promise<void> {
  const line = await withPersonStores(
    config,
    async (stores) => {
      const record = await requireCandidate(config, stores.candidates, value, options.vacancy);
      const reply = unconfirmedReply(record);
      const hashes = {
        replyLedger: stores.keys.replyLedger,
        addressHash: stores.personal.hashAddress.bind(stores.personal),
      };
      const ledgerKey = candidateReplyLedgerKey(hashes, record.vacancy, record.email, reply.kind);
      const ledger = new ReplyLedger(stores.redis);
      if (options.dryRun) {
        const state = (await ledger.read(ledgerKey))?.state ?? '';
        if (state !== 'sending' && !settled(action, state)) throw notUnconfirmed(action, reply, state);
        const plan = described(action, reply, false);
        return `Dry run, nothing changed: would ${plan} for ${record.id}, and clear reply-unconfirmed`;
      }
      await ledger.adopt(
        ledgerKey,
        legacyReplyLedgerKey(stores.keys, record.vacancy, record.email, reply.kind),
      );
      await decide(config, stores, { action, record, reply, ledger, ledgerKey });
      return `${record.id}: ${described(action, reply, true)}; reply-unconfirmed cleared`;
    },
    { readOnly: options.dryRun },
  );
  printText(line);
}

// Moves the ledger entry out of `sending` (the one step only one decision passes), queues the resent reply under a
// job id of its own (the same on a run again after one that died here), then clears the flag with the history.
async function decide(
  config: Config,
  stores: PersonStores,
  decision: {
    action: ReplyDecision;
    record: CandidateRecord;
    reply: UnconfirmedReply;
    ledger: ReplyLedger;
    ledgerKey: string;
  },
): Promise<void> {
  const { action, record, reply } = decision;
  const job: ReplyJob = {
    candidateId: record.id,
    vacancy: record.vacancy,
    kind: reply.kind,
    messageKey: reply.messageKey,
  };
  const resends = record.history.filter((entry) => entry.action === 'resend').length;
  const jobId = `${replyJobId(job)}.resend-${resends + 1}`;
  const to = action === 'resend' ? 'claimed' : 'sent';
  const moved = await decision.ledger.decide(
    decision.ledgerKey,
    to,
    `operator:${jobId}`,
    `${action} by an operator`,
  );
  if (moved !== 'moved' && !settled(action, moved)) throw notUnconfirmed(action, reply, moved);
  if (action === 'resend')
    await queueReplyJob(stores.redis, config.redis.prefix, config.workers.attempts, job, jobId);
  const before = unconfirmedCount(record);
  const at = new Date().toISOString();
  await stores.candidates.update(record.id, (current) =>
    withReplyDecision(current, action, reply, at, before),
  );
}

// A dismissal of a reply the ledger already has as sent, or no longer has (its entry erased), only clears the flag.
function settled(action: ReplyDecision, state: string): boolean {
  return action === 'dismiss' && (state === 'sent' || state === '');
}

// What the decision does, as a plan ("would …") or as done.
function described(action: ReplyDecision, reply: UnconfirmedReply, done: boolean): string {
  const what = `the ${reply.kind} to ${reply.to ?? 'the applicant'}`;
  if (action === 'resend')
    return done
      ? `${what} is queued to be sent once more (by the daemon)`
      : `queue ${what} to be sent once more (by the daemon)`;
  return done ? `${what} is recorded as sent` : `record ${what} as sent`;
}

function notUnconfirmed(action: ReplyDecision, reply: UnconfirmedReply, state: string): TriageError {
  return new TriageError(
    'input-invalid',
    `the reply ledger has the ${reply.kind} as ${state || 'not recorded'}, not unconfirmed: nothing to ${action}`,
  );
}
