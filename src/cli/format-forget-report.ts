import type { KeptTraces } from '../adapters/redis/person-traces.ts';
import { plural } from '../domain/plural.ts';
import type { ErasureCounts } from '../privacy/erase-candidates.ts';
import type { RefereeLetterCounts } from './forget-referee-letters.ts';

/** What `forget` found and removed (or, with --dry-run, would remove). */
export interface ForgetReport {
  address: string;
  dryRun: boolean;
  mail: boolean;
  /** The vacancies the person was a candidate of. */
  vacancies: string[];
  counts: ErasureCounts;
  enquiries: number;
  /** Referees' mails held for a candidate that they wrote, or that quote or name the person. */
  heldReferences: number;
  /** Letters the person wrote as a referee, linked to applicants' records. */
  refereeLetters: RefereeLetterCounts;
  /** What stays as keyed hashes; null on a dry run. */
  kept: KeptTraces | null;
}

/** The lines `forget` prints. Pure. */
export function formatForgetReport(report: ForgetReport): string[] {
  const { counts } = report;
  const held =
    counts.candidates +
    report.enquiries +
    counts.jobs +
    counts.deadLetters +
    report.heldReferences +
    report.refereeLetters.letters;
  const verb = report.dryRun ? 'Would remove' : 'Removed';
  const keptNothing =
    report.kept === null || (report.kept.ledgerEntries === 0 && report.kept.bounceSuppressions === 0);
  if (held + counts.exportedFolders === 0 && keptNothing) return [`Nothing is held about ${report.address}.`];
  const vacancies = report.vacancies.length > 0 ? ` (${report.vacancies.join(', ')})` : '';
  const mail = report.mail
    ? `${plural(counts.mail, 'filed message')} deleted from the mailbox`
    : 'filed messages left in the mailbox (--mail deletes them)';
  const lines = [
    `${verb} what is held about ${report.address}:`,
    `  ${plural(counts.candidates, 'candidate record')}${vacancies}, with ${plural(counts.messages, 'message')} and ${plural(counts.documents, 'document')} (profiles and readings)`,
    `  ${plural(report.enquiries, 'enquiry log entry', 'enquiry log entries')}`,
    `  ${plural(counts.jobs, 'queued or finished job')}, ${plural(counts.deadLetters, 'dead letter')}`,
    ...(report.heldReferences === 0
      ? []
      : [
          `  ${plural(report.heldReferences, "referee's letter")} held for a candidate (from them or about them)`,
        ]),
    ...(report.refereeLetters.letters === 0
      ? []
      : [
          `  ${plural(report.refereeLetters.letters, 'letter')} they wrote as a referee, on ${plural(report.refereeLetters.candidates, "applicant's record", "applicants' records")}, with ${plural(report.refereeLetters.documents, 'document')} (the applicants' own mail stays)`,
        ]),
    `  ${plural(counts.exportedFolders, 'folder')} of exported documents`,
    `  ${report.dryRun && report.mail ? mail.replace('deleted', 'to delete') : mail}`,
  ];
  if (report.kept)
    lines.push(
      `Kept as keyed hashes only (no address): ${plural(report.kept.ledgerEntries, 'reply-ledger entry', 'reply-ledger entries')} and ${plural(report.kept.bounceSuppressions, 'bounce suppression')}, so they are never acknowledged twice.`,
    );
  if (report.dryRun) lines.push('Nothing was changed (--dry-run).');
  return lines;
}
