import { CandidateTransfers } from '../adapters/redis/candidate-transfers.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';
import { planMerge } from '../operator/merge-candidates.ts';
import { withPersonStores } from './open-person-stores.ts';
import { requireCandidate, requiredKinds } from './operator-inputs.ts';
import { printText } from './print-text.ts';

/** What `merge` is asked to do. */
export interface MergeOptions {
  into: string;
  vacancy?: string | undefined;
  dryRun: boolean;
}

/**
 * `triage merge <candidate> --into <candidate> [--dry-run]`: the same applicant writing from two addresses becomes
 * one candidate. The first is merged into the second and removed; its address and its messages' thread entries
 * point at the merged candidate from then on, so later mail from either address lands there. Recorded in the
 * merged candidate's history.
 */
export async function runMerge(config: Config, value: string, options: MergeOptions): Promise<void> {
  const line = await withPersonStores(
    config,
    async (stores) => {
      const from = await requireCandidate(config, stores.candidates, value, options.vacancy);
      const into = await requireCandidate(config, stores.candidates, options.into, options.vacancy);
      const required = requiredKinds(config, into.vacancy);
      const at = new Date().toISOString();
      if (options.dryRun)
        return `Dry run, nothing changed: ${outcome(planMerge(from, into, required, at).record, into.id)}`;
      const transfers = new CandidateTransfers(stores.redis, stores.keys, stores.personal);
      const done = await transfers.transfer(from.id, into.id, ({ source, target }) => {
        if (target === null) throw new TriageError('input-invalid', `${into.id} was removed meanwhile`);
        const plan = planMerge(source, target, required, at);
        return {
          sourceId: source.id,
          source: null,
          target: plan.record,
          addresses: [target.email, source.email],
          threadIds: plan.threadIds,
          moved: source.messages.map((message) => ({ mailbox: message.mailbox, key: message.key })),
        };
      });
      if (done === null) throw new TriageError('input-invalid', `${from.id} was removed meanwhile`);
      const text = outcome(done.target, into.id);
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
    { readOnly: options.dryRun },
  );
  printText(line);
}

// "merged <id> (<address>): 2 messages, 1 new document into <id>; then 3 messages, missing: none".
function outcome(record: CandidateRecord, intoId: string): string {
  const detail = record.history.at(-1)?.detail ?? '';
  const missing = record.missing.join(', ') || 'none';
  return `${detail} into ${intoId}; then ${record.messages.length} messages, missing: ${missing}`;
}
