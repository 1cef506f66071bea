import type { HeldReference } from '../candidates/held-reference.ts';
import type { Config } from '../config/schema.ts';
import type { ThreadOwner } from '../ports/candidate-records.ts';
import { findReferenceLink } from '../stages/ingest/referees/record-reference.ts';
import type { CandidateHistory } from './explain-candidates.ts';
import type { ExplainedReference, Explanation } from './explanation.ts';

/**
 * A referee's mail as the ingest stage would link it, over the daemon's candidates (`--history`, read only) or
 * none: to whom, by which rule and evidence, or held; and the reply it gets (none: the referee's receipt is a
 * separate, optional template).
 */
export async function explainReference(
  held: HeldReference,
  thread: ThreadOwner | null,
  ports: { config: Config; history: CandidateHistory | null },
): Promise<{ explained: ExplainedReference; reply: Explanation['reply'] }> {
  const history = ports.history;
  const candidates = {
    get: (id: string) => (history ? history.get(id) : Promise.resolve(null)),
    list: (ids: readonly string[]) => history?.list?.(ids) ?? Promise.resolve([]),
  };
  const link = await findReferenceLink({ config: ports.config, candidates }, held.mailbox, held, thread);
  const where = link
    ? `linked to candidate ${link.candidateId} by ${link.rule} (${link.detail})`
    : history
      ? "held until its applicant's mail arrives (no candidate by thread, quoted address or name yet)"
      : 'held unless the daemon has its applicant (run with --history to link against its candidates)';
  return {
    explained: {
      referee: { name: held.referee.name, email: held.referee.address },
      names: held.names,
      addresses: held.addresses,
      link,
    },
    reply: {
      send: false,
      reason:
        `a referee's letter, never answered as an application: ${where}` +
        (ports.config.replies.refereeReceipts
          ? '; once linked, the referee gets one short receipt (replies.refereeReceipts)'
          : ''),
      to: null,
      subject: null,
      text: null,
    },
  };
}
