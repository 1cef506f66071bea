import type { CandidateRecord } from '../../../candidates/candidate-record.ts';
import type { HeldReference, ReferenceLink } from '../../../candidates/held-reference.ts';
import { sameName } from '../../../documents/applicant-names.ts';

/** What linking reads of a candidate. */
export type LinkableCandidate = Pick<CandidateRecord, 'id' | 'vacancy' | 'name' | 'email' | 'messages'>;

const STRENGTH: Readonly<Record<ReferenceLink['rule'], number>> = { thread: 0, address: 1, name: 2 };

/**
 * Whether a referee's mail is about this candidate: it replies to one of the candidate's messages, quotes their
 * address, or names them (accents, case and order folded: "Raman, Priya" is Priya Raman) — within the vacancy its
 * tag or thread names. The referee's own candidacy is never theirs. Pure.
 */
export function matchReference(held: HeldReference, candidate: LinkableCandidate): ReferenceLink | null {
  if (held.vacancy !== null && candidate.vacancy !== held.vacancy) return null;
  if (candidate.email === held.referee.address) return null;
  const replied = candidate.messages.find(
    (message) => message.messageId !== null && held.threadIds.includes(message.messageId.toLowerCase()),
  );
  if (replied?.messageId)
    return { candidateId: candidate.id, rule: 'thread', detail: `replies to ${replied.messageId}` };
  if (held.addresses.includes(candidate.email))
    return { candidateId: candidate.id, rule: 'address', detail: `quotes ${candidate.email}` };
  const name = held.names.find((mentioned) => sameName(mentioned, candidate.name));
  if (name !== undefined) return { candidateId: candidate.id, rule: 'name', detail: `names "${name}"` };
  return null;
}

/**
 * Whether a held referee's mail holds this person: they wrote it, it quotes their address, or it names one of
 * their candidates' names (what `forget` removes with them). Pure.
 */
export function heldReferenceHolds(
  held: HeldReference,
  person: { address: string; names: readonly string[] },
): boolean {
  return (
    held.referee.address === person.address ||
    held.addresses.includes(person.address) ||
    held.names.some((mentioned) => person.names.some((name) => name !== '' && sameName(mentioned, name)))
  );
}

/**
 * The one candidate a referee's mail is about, by the strongest rule that finds any (thread, then address, then
 * name); null when none does, or when the strongest finds several (it waits rather than guess). Pure.
 */
export function findReferenceCandidate(
  held: HeldReference,
  candidates: readonly LinkableCandidate[],
): ReferenceLink | null {
  const links = candidates
    .map((candidate) => matchReference(held, candidate))
    .filter((link) => link !== null)
    .sort((a, b) => STRENGTH[a.rule] - STRENGTH[b.rule]);
  const [best, next] = links;
  if (best === undefined) return null;
  return next !== undefined && next.rule === best.rule ? null : best;
}
