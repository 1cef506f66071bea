import {
  compareArrival,
  type CandidateFlag,
  type CandidateRecord,
  type MessageRecord,
} from '../candidates/candidate-record.ts';
import { withHistory } from '../candidates/candidate-updates.ts';
import { documentFlags } from '../candidates/document-flags.ts';
import { emptyCandidate } from '../candidates/merge-candidate.ts';
import { missingKinds, type DocumentKind } from '../domain/document-kinds.ts';
import { plural } from '../domain/plural.ts';
import { TriageError } from '../errors/triage-error.ts';
import { threadIdsOf } from './thread-ids.ts';

/** Flags a candidate's documents raise (recomputed when documents leave): see documentFlags. */
const DOCUMENT_FLAGS: ReadonlySet<CandidateFlag> = new Set([
  'unreadable-document',
  'reading-budget',
  'hidden-text',
  'cv-name-mismatch',
]);

/** What `split` does: both records to save, and the thread entries that move to the receiving candidate. */
export interface SplitPlan {
  source: CandidateRecord;
  target: CandidateRecord;
  /** True when the receiving candidate is new (created from the message's sender). */
  created: boolean;
  threadIds: string[];
  summary: string;
}

/**
 * Finds a candidate's message by its key or its Message-ID (with or without angle brackets, any case); an unknown
 * one is an argument error naming the candidate's messages.
 */
export function findMessage(record: CandidateRecord, wanted: string): MessageRecord {
  const bare = wanted.trim().replace(/^<|>$/g, '').toLowerCase();
  const found = record.messages.find(
    (message) =>
      message.key === wanted.trim() || message.messageId?.replace(/^<|>$/g, '').toLowerCase() === bare,
  );
  if (found) return found;
  const known = record.messages.map((message) => message.messageId ?? message.key).join(', ');
  throw new TriageError('input-invalid', `${record.id} has no message ${wanted} (its messages: ${known})`);
}

/**
 * Plans moving one message, and the documents it brought, off candidate `source` onto `target` (a candidate of the
 * same vacancy, or null to create one for the message's sender with `newId`). `missing`, first/last seen and the
 * document flags are recomputed on both; a `split` entry goes into both histories. A candidate's only message
 * cannot be split off (merge the candidates instead). Pure.
 */
export function planSplit(
  source: CandidateRecord,
  messageKey: string,
  target: CandidateRecord | null,
  newTarget: { id: string; email: string; name: string },
  required: readonly DocumentKind[],
  at: string,
): SplitPlan {
  const message = source.messages.find((entry) => entry.key === messageKey);
  if (!message) throw new TriageError('input-invalid', `${source.id} has no message ${messageKey}`);
  if (source.messages.length === 1)
    throw new TriageError(
      'input-invalid',
      `it is the only message of ${source.id}: merge the candidates instead of splitting`,
    );
  if (target && target.id === source.id)
    throw new TriageError('input-invalid', `the message is already on ${source.id}`);
  if (target && target.vacancy !== source.vacancy)
    throw new TriageError(
      'input-invalid',
      `${target.id} applied to ${target.vacancy}, not ${source.vacancy}`,
    );
  const moving = source.documents.filter((document) => document.message === message.key);
  const staying = source.documents.filter((document) => document.message !== message.key);
  const remaining = source.messages.filter((entry) => entry.key !== message.key);
  const base = target ?? emptyCandidate(source.vacancy, newTarget, message.receivedAt);
  const summary = `${message.messageId ?? message.key} with ${plural(moving.length, 'document')}`;
  const entry = { at, by: 'operator' as const, action: 'split' };
  const nextSource = withHistory(
    {
      ...source,
      documents: staying,
      messages: remaining,
      missing: missingKinds(required, staying),
      flags: recomputeFlags(source.flags, staying, source.name),
      acknowledges: source.acknowledges === message.key ? null : source.acknowledges,
      firstSeen: remaining[0]?.receivedAt ?? source.firstSeen,
      lastSeen: remaining.at(-1)?.receivedAt ?? source.lastSeen,
    },
    { ...entry, detail: `moved ${summary} to ${base.id}` },
  );
  const known = new Set(base.documents.map((document) => document.sha256));
  const documents = [...base.documents, ...moving.filter((document) => !known.has(document.sha256))];
  const messages = [...base.messages, message].sort(compareArrival);
  const nextTarget = withHistory(
    {
      ...base,
      documents,
      messages,
      missing: missingKinds(required, documents),
      flags: [...new Set([...base.flags, ...documentFlags(documents, base.name)])].sort(),
      acknowledges: base.acknowledges ?? (source.acknowledges === message.key ? message.key : null),
      firstSeen: messages[0]?.receivedAt ?? base.firstSeen,
      lastSeen: messages.at(-1)?.receivedAt ?? base.lastSeen,
    },
    { ...entry, detail: `received ${summary} from ${source.id}` },
  );
  return {
    source: nextSource,
    target: nextTarget,
    created: target === null,
    threadIds: threadIdsOf([message]),
    summary: `moved ${summary} from ${source.id} to ${base.id}${target === null ? ' (new candidate)' : ''}`,
  };
}

function recomputeFlags(
  flags: readonly CandidateFlag[],
  documents: CandidateRecord['documents'],
  name: string,
): CandidateFlag[] {
  const kept = flags.filter((flag) => !DOCUMENT_FLAGS.has(flag));
  return [...new Set([...kept, ...documentFlags(documents, name)])].sort();
}
