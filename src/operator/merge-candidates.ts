import {
  type CandidateDecision,
  compareArrival,
  type CandidateFlag,
  type CandidateRecord,
  type HistoryEntry,
} from '../candidates/candidate-record.ts';
import { withHistory } from '../candidates/candidate-updates.ts';
import { documentFlags } from '../candidates/document-flags.ts';
import { missingKinds, type DocumentKind } from '../domain/document-kinds.ts';
import { plural } from '../domain/plural.ts';
import { TriageError } from '../errors/triage-error.ts';
import { threadIdsOf } from './thread-ids.ts';

/** What `merge` does: the merged record to save, and the indexes that must point at it afterwards. */
export interface MergePlan {
  /** The target with the other candidate's mail, documents, replies and history, and a `merge` entry. */
  record: CandidateRecord;
  /** The candidate removed (its id, its address: indexed to the merged record from now on). */
  removed: { id: string; email: string };
  /** The Message-IDs and message keys of the removed candidate's mail: their thread entries move. */
  threadIds: string[];
  /** One line: what moved. */
  summary: string;
}

/**
 * Plans merging candidate `from` into `into` (the same applicant writing from two addresses): messages in arrival
 * order, documents deduplicated by SHA-256 (a repeat flags `duplicate-document`, as for a file sent twice), replies,
 * flags, `missing` against the vacancy's required kinds, first and last seen, the referees' letters, the later
 * supervisor's decision; the history of both in order, then one `merge` entry. Candidates of different vacancies, or one candidate with itself, are an argument error. Pure.
 */
export function planMerge(
  from: CandidateRecord,
  into: CandidateRecord,
  required: readonly DocumentKind[],
  at: string,
): MergePlan {
  if (from.id === into.id) throw new TriageError('input-invalid', `cannot merge ${from.id} into itself`);
  if (from.vacancy !== into.vacancy)
    throw new TriageError(
      'input-invalid',
      `${from.id} (${from.vacancy}) and ${into.id} (${into.vacancy}) applied to different vacancies: ` +
        'merge only within one vacancy',
    );
  const known = new Set(into.documents.map((document) => document.sha256));
  const added = from.documents.filter(
    (document) => !known.has(document.sha256) && known.add(document.sha256),
  );
  const documents = [...into.documents, ...added];
  const keys = new Set(into.messages.map((message) => message.key));
  const messages = [...into.messages, ...from.messages.filter((message) => !keys.has(message.key))];
  const flags = new Set<CandidateFlag>([...into.flags, ...from.flags]);
  if (added.length < from.documents.length) flags.add('duplicate-document');
  const name = into.name || from.name;
  for (const flag of documentFlags(documents, name)) flags.add(flag);
  const summary =
    `merged ${from.id} (${from.email}): ${plural(from.messages.length, 'message')}, ` +
    `${plural(added.length, 'new document')}`;
  const merged: CandidateRecord = {
    ...into,
    name,
    documents,
    missing: missingKinds(required, documents),
    flags: [...flags].sort(),
    messages: messages.sort(compareArrival),
    replies: [...into.replies, ...from.replies].sort((a, b) => a.at.localeCompare(b.at)),
    acknowledges: into.acknowledges ?? from.acknowledges,
    firstSeen: earliest(into.firstSeen, from.firstSeen),
    lastSeen: latest(into.lastSeen, from.lastSeen),
    history: [...into.history, ...from.history].sort(byTime),
    references: [
      ...into.references,
      ...from.references.filter((reference) => !into.references.some((kept) => kept.key === reference.key)),
    ],
    decision: latestDecision(into.decision ?? null, from.decision ?? null),
  };
  const entry: HistoryEntry = { at, action: 'merge', by: 'operator', detail: summary };
  return {
    record: withHistory(merged, entry),
    removed: { id: from.id, email: from.email },
    threadIds: threadIdsOf(from.messages),
    summary,
  };
}

// Of two supervisors' decisions the later one stands, as when a message is moved twice.
function latestDecision(a: CandidateDecision | null, b: CandidateDecision | null): CandidateDecision | null {
  if (a === null || b === null) return a ?? b;
  return b.at > a.at ? b : a;
}

function byTime(a: HistoryEntry, b: HistoryEntry): number {
  return a.at.localeCompare(b.at);
}

function earliest(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}

function latest(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}
