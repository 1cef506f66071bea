import { statusText } from '../../candidates/decision-text.ts';
import { csvCell } from '../../output/csv-cell.ts';
import { describeReferences } from '../../candidates/reference-summary.ts';
import { mailText } from '../../output/mail-text.ts';
import type { DigestVacancy } from './digest-input.ts';
import { orderAll, type RankedCandidate } from './digest-order.ts';
import { candidateTopics, filedFolders } from './digest-view.ts';
import { displayName } from './display-name.ts';
import type { ScoreWeights } from '../../config/schema.ts';

/** The CSV attachment of one vacancy. */
export interface DigestCsv {
  filename: string;
  content: string;
  contentType: 'text/csv; charset=utf-8';
}

/** The columns of a vacancy's candidate CSV, in order. */
export const CSV_COLUMNS = [
  'id',
  'name',
  'email',
  'first_seen',
  'last_seen',
  'documents',
  'missing',
  'complete',
  'flags',
  'messages',
  'fit_score',
  'folders',
  'profile',
  'topics',
  'registration',
  'status',
  'references',
] as const;

/**
 * Every candidate of a vacancy as CSV (RFC 4180, CRLF, UTF-8 with a BOM for Excel, formula-injection guarded),
 * in digest order; `null` when the vacancy has no candidates at all. Pure.
 */
export function digestCsv(vacancy: DigestVacancy, weights: ScoreWeights): DigestCsv | null {
  const rows = candidateCsvRows(vacancy, weights);
  if (rows.length === 0) return null;
  return {
    filename: `${vacancy.vacancy.id}-candidates.csv`,
    content: csvText([[...CSV_COLUMNS], ...rows]),
    contentType: 'text/csv; charset=utf-8',
  };
}

/** A vacancy's candidates as CSV rows in digest order, one value per column of `CSV_COLUMNS`. Pure. */
export function candidateCsvRows(vacancy: DigestVacancy, weights: ScoreWeights): string[][] {
  return orderAll(vacancy.all, vacancy.changed, weights).map((entry) => csvRow(entry, vacancy.registrations));
}

/** Rows as CSV text: RFC 4180 with CRLF, UTF-8 with a BOM for Excel, every field through `csvCell` (formula-safe). Pure. */
export function csvText(rows: readonly string[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvRow(entry: RankedCandidate, registrations: ReadonlyMap<string, string> | undefined): string[] {
  const { candidate } = entry;
  const name = displayName(candidate);
  return [
    candidate.id,
    name === '(no name)' ? '' : name,
    mailText(candidate.email, { controls: '' }),
    candidate.firstSeen,
    candidate.lastSeen,
    candidate.documents.map((document) => document.kind).join(';'),
    [...new Set(candidate.missing)].join(';'),
    entry.complete ? 'yes' : 'no',
    [...new Set(candidate.flags)].join(';'),
    String(candidate.messages.length),
    entry.profile === undefined ? '' : String(entry.fit.score),
    filedFolders(candidate).join(';'),
    mailText(entry.profile?.summary ?? '', { controls: '' }),
    candidateTopics(candidate)
      .map((topic) => mailText(topic, { controls: '' }))
      .join(';'),
    registrations?.get(candidate.id) ?? '',
    statusText(candidate.decision),
    mailText(describeReferences(candidate), { controls: '' }),
  ];
}
