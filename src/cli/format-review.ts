import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { nearMissMessage } from '../candidates/review-state.ts';
import { formatTable } from './format-table.ts';

/** The public JSON shape of a review item (`candidates --review --json`). */
export function reviewJson(record: CandidateRecord) {
  const message = nearMissMessage(record);
  return {
    id: record.id,
    /** The vacancy it is probably for. */
    vacancy: record.vacancy,
    name: record.name,
    email: record.email,
    reason: message?.nearMiss?.reason ?? null,
    matched: message?.nearMiss?.matched ?? '',
    evidence: message?.nearMiss?.evidence ?? [],
    subject: message?.subject ?? '',
    receivedAt: message?.receivedAt ?? record.firstSeen,
    documents: record.documents.map((document) => ({ filename: document.filename, kind: document.kind })),
    messages: record.messages.length,
    folders: [...new Set(record.messages.map((entry) => entry.filedTo).filter((folder) => folder !== null))],
  };
}

/** A plain-text table of review items (mail that nearly carried a vacancy's tag) for a terminal. */
export function formatReview(records: readonly CandidateRecord[]): string {
  if (records.length === 0) return 'Nothing held for review.';
  const rows = records.map((record) => {
    const item = reviewJson(record);
    return [
      item.vacancy,
      item.name || '(no name)',
      item.email,
      item.reason ?? '-',
      item.matched || '-',
      item.documents.map((document) => document.kind).join(',') || '-',
      item.receivedAt.slice(0, 16).replace('T', ' '),
      item.folders.join(', ') || 'not filed yet',
      item.subject || '-',
    ];
  });
  const header = [
    'VACANCY',
    'NAME',
    'EMAIL',
    'REASON',
    'MATCHED',
    'DOCUMENTS',
    'RECEIVED',
    'FOLDER',
    'SUBJECT',
  ];
  return formatTable([header, ...rows]).join('\n');
}
