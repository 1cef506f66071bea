import { buildCandidateProfile } from '../candidates/candidate-profile.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { statusText } from '../candidates/decision-text.ts';
import { candidateTopics } from '../stages/digests/digest-view.ts';
import { formatTable } from './format-table.ts';
import { describeReferences } from '../candidates/reference-summary.ts';

/** The public JSON shape of a candidate (`candidates --json`). */
export function candidateJson(record: CandidateRecord, registration = '') {
  return {
    id: record.id,
    vacancy: record.vacancy,
    name: record.name,
    email: record.email,
    documents: record.documents.map((document) => ({
      filename: document.filename,
      within: document.within,
      kind: document.kind,
      kindSource: document.reading?.kindSource ?? 'filename',
      evidence: document.reading?.evidence ?? [],
      extraction: document.reading?.extraction ?? null,
    })),
    missing: record.missing,
    flags: record.flags,
    messages: record.messages.length,
    firstSeen: record.firstSeen,
    lastSeen: record.lastSeen,
    folders: [
      ...new Set(record.messages.map((message) => message.filedTo).filter((folder) => folder !== null)),
    ],
    replies: record.replies.map(({ kind, status, at, to }) => ({ kind, status, at, to })),
    /** What operators and the daemon did to the candidate beyond merging its mail (merge, split, resend…). */
    history: record.history,
    /** An open call's enquirer: the topics and programmes they wrote about. */
    topics: candidateTopics(record),
    /** Their registration on the vacancy's form ('' when it has none). */
    registration,
    /** The referees whose letters are linked, and how each was linked. */
    references: record.references.map(({ referee, linkedBy, receivedAt, filedTo }) => ({
      name: referee.name,
      email: referee.address,
      linkedBy,
      receivedAt,
      filedTo,
    })),
    profile: buildCandidateProfile(record),
    /** The supervisor's status from their mail client, null while there is none. */
    status: record.decision?.status ?? null,
    /** Where that status came from: `via` folder or keyword, the `folder`, `at` when it was seen, the `message` key. */
    decision: record.decision ?? null,
  };
}

/**
 * A plain-text table of candidates for a terminal; a FORM column when a vacancy has a registration form, a TOPICS
 * column when an open call has enquirers, a STATUS column once a supervisor has given a status, a HISTORY column
 * (the latest change beyond mail) when one has a history, a REFERENCES column when a referee's letter is linked.
 */
export function formatCandidates(
  records: readonly CandidateRecord[],
  registrations: ReadonlyMap<string, string> = new Map(),
): string {
  if (records.length === 0) return 'No candidates yet.';
  const topics = records.some((record) => candidateTopics(record).length > 0);
  const forms = registrations.size > 0;
  const statuses = records.some((record) => statusText(record.decision) !== '');
  const history = records.some((record) => record.history.length > 0);
  const references = records.some((record) => record.references.length > 0);
  const rows = records.map((record) => [
    record.vacancy,
    record.name || '(no name)',
    record.email,
    record.documents.map((document) => document.kind).join(',') || '-',
    record.missing.join(',') || '-',
    record.flags.join(',') || '-',
    String(record.messages.length),
    replyStatus(record),
    record.lastSeen.slice(0, 16).replace('T', ' '),
    ...(topics ? [candidateTopics(record).join('; ') || '-'] : []),
    ...(forms ? [registrations.get(record.id) || '-'] : []),
    ...(statuses ? [statusText(record.decision) || '-'] : []),
    ...(history ? [latestChange(record)] : []),
    ...(references ? [describeReferences(record) || '-'] : []),
  ]);
  const header = [
    ...['VACANCY', 'NAME', 'EMAIL', 'DOCUMENTS', 'MISSING', 'FLAGS', 'MSGS', 'REPLY', 'LAST SEEN'],
    ...(topics ? ['TOPICS'] : []),
    ...(forms ? ['FORM'] : []),
    ...(statuses ? ['STATUS'] : []),
    ...(history ? ['HISTORY'] : []),
    ...(references ? ['REFERENCES'] : []),
  ];
  return formatTable([header, ...rows]).join('\n');
}

/** The latest reply's kind and what became of it (`acknowledgement sent`, `closed suppressed`), or `-`. */
export function replyStatus(record: Pick<CandidateRecord, 'replies'>): string {
  const latest = record.replies.at(-1);
  return latest ? `${latest.kind} ${latest.status}` : '-';
}

/** The latest entry of a candidate's history (`merge 2026-03-10 by operator`), or `-`. */
export function latestChange(record: Pick<CandidateRecord, 'history'>): string {
  const latest = record.history.at(-1);
  return latest ? `${latest.action} ${latest.at.slice(0, 10)} by ${latest.by}` : '-';
}
