import { buildCandidateProfile } from '../candidates/candidate-profile.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { formatTable } from './format-table.ts';

/** The public JSON shape of a candidate (`candidates --json`). */
export function candidateJson(record: CandidateRecord) {
  return {
    id: record.id,
    vacancy: record.vacancy,
    name: record.name,
    email: record.email,
    documents: record.documents.map((document) => ({
      filename: document.filename,
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
    profile: buildCandidateProfile(record),
  };
}

/** A plain-text table of candidates for a terminal. */
export function formatCandidates(records: readonly CandidateRecord[]): string {
  if (records.length === 0) return 'No candidates yet.';
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
  ]);
  const header = ['VACANCY', 'NAME', 'EMAIL', 'DOCUMENTS', 'MISSING', 'FLAGS', 'MSGS', 'REPLY', 'LAST SEEN'];
  return formatTable([header, ...rows]).join('\n');
}

/** The latest reply's kind and what became of it (`acknowledgement sent`, `closed suppressed`), or `-`. */
export function replyStatus(record: Pick<CandidateRecord, 'replies'>): string {
  const latest = record.replies.at(-1);
  return latest ? `${latest.kind} ${latest.status}` : '-';
}
