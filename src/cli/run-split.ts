import { CandidateTransfers } from '../adapters/redis/candidate-transfers.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';
import { findMessage, planSplit, type SplitPlan } from '../operator/split-message.ts';
import { withPersonStores, type PersonStores } from './open-person-stores.ts';
import { requireCandidate, requiredKinds } from './operator-inputs.ts';
import { printText } from './print-text.ts';

/** What `split` is asked to do. */
export interface SplitOptions {
  /** The message: its Message-ID or its key (as `candidates --json` lists them). */
  message: string;
  /** The candidate it goes to; by default its sender's (created when there is none). */
  to?: string | undefined;
  vacancy?: string | undefined;
  dryRun: boolean;
}

/**
 * `triage split <candidate> --message <id> [--to <candidate>] [--dry-run]`: a message wrongly merged into a
 * candidate moves, with the documents it brought, to its sender's candidate (created if needed) or the one given;
 * `missing` is recomputed on both, its thread entries follow it, and both histories record the split.
 */
export async function runSplit(config: Config, value: string, options: SplitOptions): Promise<void> {
  const line = await withPersonStores(
    config,
    async (stores) => {
      const source = await requireCandidate(config, stores.candidates, value, options.vacancy);
      const message = findMessage(source, options.message);
      const named = options.to
        ? await requireCandidate(config, stores.candidates, options.to, source.vacancy)
        : null;
      const targetId = named?.id ?? (await senderCandidateId(stores, source, message.sender));
      const required = requiredKinds(config, source.vacancy);
      const at = new Date().toISOString();
      const plan = (from: CandidateRecord, target: CandidateRecord | null): SplitPlan =>
        planSplit(from, message.key, target, newTarget(targetId, message), required, at);
      if (options.dryRun) {
        const target = named ?? (await stores.candidates.get(targetId));
        return `Dry run, nothing changed: ${plan(source, target).summary}`;
      }
      const transfers = new CandidateTransfers(stores.redis, stores.keys, stores.personal);
      let summary = '';
      const done = await transfers.transfer(source.id, targetId, (pair) => {
        const planned = plan(pair.source, pair.target);
        summary = planned.summary;
        return {
          sourceId: planned.source.id,
          source: planned.source,
          target: planned.target,
          addresses: planned.created ? [planned.target.email] : [],
          threadIds: planned.threadIds,
          moved: [{ mailbox: message.mailbox, key: message.key }],
        };
      });
      if (done === null) throw new TriageError('input-invalid', `${source.id} was removed meanwhile`);
      return summary.charAt(0).toUpperCase() + summary.slice(1);
    },
    { readOnly: options.dryRun },
  );
  printText(line);
}

// The candidate of the message's sender in the vacancy: theirs when known, else the id a new one gets.
async function senderCandidateId(
  stores: PersonStores,
  source: CandidateRecord,
  sender: string,
): Promise<string> {
  if (sender === '' || sender === source.email.toLowerCase())
    throw new TriageError(
      'input-invalid',
      `the message was sent by the candidate's own address: give the candidate it belongs to with --to`,
    );
  return (
    (await stores.candidates.findByAddress(source.vacancy, sender)) ??
    stores.candidates.newId(source.vacancy, sender)
  );
}

function newTarget(id: string, message: CandidateRecord['messages'][number]) {
  const name = message.replyTo?.address.toLowerCase() === message.sender ? message.replyTo.name : '';
  return { id, email: message.sender, name };
}
