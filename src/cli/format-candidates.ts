import { buildCandidateProfile } from '../candidates/candidate-profile.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';

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
  const rows = records.map((record) =>
    [
      record.vacancy,
      record.name || '(no name)',
      record.email,
      record.documents.map((document) => document.kind).join(',') || '-',
      record.missing.join(',') || '-',
      record.flags.join(',') || '-',
      String(record.messages.length),
      record.lastSeen.slice(0, 16).replace('T', ' '),
    ].map(printable),
  );
  const header = ['VACANCY', 'NAME', 'EMAIL', 'DOCUMENTS', 'MISSING', 'FLAGS', 'MSGS', 'LAST SEEN'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => pad(cell, widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

// Names and addresses come from mail: never let them carry terminal control sequences to an operator's screen.
function printable(cell: string): string {
  return cell.replace(/[\p{Cc}\p{Cf}]/gu, '?');
}

// East Asian wide and full-width characters take two terminal columns (李明, 成绩单, ＡＢ).
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
