import type { Config } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { DecisionChange } from '../../mailbox/plan-decisions.ts';
import type { CandidateRecords } from '../../ports/candidate-records.ts';
import type { JobQueue } from '../../ports/stage-stores.ts';
import { replyJobId, type ReplyJob } from '../replies/reply-job.ts';
import { applyDecision } from './plan-decision.ts';

/** What recording decisions uses. */
export interface DecisionPorts {
  config: Pick<Config, 'decisions'>;
  candidates: Pick<CandidateRecords, 'findByThread' | 'update'>;
  replies: JobQueue<ReplyJob>;
  logger: Logger;
}

/**
 * Records the statuses the mailbox shows on the candidates whose messages they concern (found by Message-ID in
 * the thread index, since a move changes the UID), each change counted for the next digest, and queues the
 * status's decision reply when it has one. Idempotent: a change seen again after a crash changes nothing more, and
 * the reply's job id and ledger entry are per candidate and status, so it goes at most once. Returns how many
 * candidates changed.
 */
export async function runDecisions(
  ports: DecisionPorts,
  changes: readonly DecisionChange[],
  now = new Date(),
): Promise<number> {
  let changed = 0;
  for (const change of changes) {
    const owner = await ports.candidates.findByThread([change.messageId]);
    if (owner === null || owner.vacancy !== change.vacancy) continue;
    let altered = false;
    const saved = await ports.candidates.update(
      owner.candidateId,
      (record) => {
        const next = applyDecision(record, change, now.toISOString());
        altered = next !== record;
        return next;
      },
      { digest: true },
    );
    if (saved === null) continue;
    if (altered) {
      changed += 1;
      ports.logger.info(
        { candidate: saved.id, status: saved.decision?.status ?? null, via: change.via },
        'candidate status from the mail client',
      );
    }
    const decision = saved.decision ?? null;
    const status = ports.config.decisions.statuses.find((entry) => entry.id === decision?.status);
    if (decision === null || status?.reply !== true || decision.status !== change.status) continue;
    const job: ReplyJob = {
      candidateId: saved.id,
      vacancy: saved.vacancy,
      kind: 'decision',
      messageKey: decision.message,
      status: decision.status,
    };
    await ports.replies.add('reply', job, { jobId: replyJobId(job) });
  }
  return changed;
}
