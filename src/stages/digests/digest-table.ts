import { statusText } from '../../candidates/decision-text.ts';
import { mailText } from '../../output/mail-text.ts';
import { DOCUMENT_WORDING } from '../replies/render-reply.ts';
import type { RankedCandidate } from './digest-order.ts';
import { displayName } from './display-name.ts';
import { describeReferences } from '../../candidates/reference-summary.ts';

// Each cell is one short line: the table is an overview, the cards and the CSV carry the rest.
const CELL_MAX = 60;
const KEYWORDS_MAX = 80;

/** One candidate as the digest's ranked table shows it; every string one line without control characters. */
export interface TableRow {
  rank: number;
  name: string;
  /** Whether the candidate is in this digest's new or updated cards. */
  change: 'new' | 'updated' | '';
  institution: string;
  degree: string;
  /** As written and normalised, e.g. "Distinction ≈ 75 (First)"; '' when none was read. */
  grade: string;
  publications: string;
  keywords: string;
  complete: boolean;
  /** "complete", or "missing: CV, academic transcript". */
  documents: string;
  /** The referees whose letters are linked: `2 (Dr J. Smith, Prof. M. Rossi)`; '' when none. */
  references: string;
  /** The fit score, or "—" without a profile. */
  fit: string;
  /** The supervisor's status from their mail client (`shortlisted`), '' while there is none. */
  status: string;
}

/** A vacancy's candidates, ranked (compareRanked order), as table rows. Pure. */
export function tableRows(
  ranked: readonly RankedCandidate[],
  changes: { new: ReadonlySet<string>; updated: ReadonlySet<string> },
): TableRow[] {
  return ranked.map((entry, index) => {
    const { candidate } = entry;
    const facts = entry.profile?.facts;
    const cell = (text: string | undefined): string => mailText(text ?? '', { controls: '', max: CELL_MAX });
    const missing = [...new Set(candidate.missing)].map((kind) => DOCUMENT_WORDING[kind].label);
    return {
      rank: index + 1,
      name: cell(displayName(candidate)),
      change: changes.new.has(candidate.id) ? 'new' : changes.updated.has(candidate.id) ? 'updated' : '',
      institution: cell(facts?.institution),
      degree: cell(facts?.degree),
      grade: cell(facts?.grade),
      publications: cell(facts?.publications),
      keywords: mailText((facts?.keywords ?? []).join(', '), { controls: '', max: KEYWORDS_MAX }),
      complete: entry.complete,
      documents: entry.complete ? 'complete' : `missing: ${missing.join(', ')}`,
      references: cell(describeReferences(candidate)),
      fit: entry.fit.parts.length === 0 ? '—' : String(entry.fit.score),
      status: statusText(candidate.decision),
    };
  });
}
