import type { ExtractionStatus } from '../documents/extraction.ts';
import { namesMatch } from '../profile/extract-name.ts';
import type { CandidateFlag, DocumentRecord } from './candidate-record.ts';

/** Extraction outcomes that leave a person to open the file: nothing could be read from it. */
const UNREADABLE: ReadonlySet<ExtractionStatus> = new Set([
  'empty',
  'scan',
  'encrypted',
  'corrupt',
  'too-large',
  'timeout',
  'failed',
]);

/**
 * The flags a candidate's documents raise: `unreadable-document`, `reading-budget` (a document was not read, its
 * message's budget being spent), `hidden-text`, and `cv-name-mismatch` when the name a CV gives and the sender's
 * name are clearly different people (not when either is unknown).
 */
export function documentFlags(
  documents: readonly Pick<DocumentRecord, 'kind' | 'reading'>[],
  senderName: string,
): CandidateFlag[] {
  const flags: CandidateFlag[] = [];
  const readings = documents.flatMap((document) => (document.reading ? [document.reading] : []));
  if (readings.some((reading) => UNREADABLE.has(reading.extraction.status)))
    flags.push('unreadable-document');
  if (readings.some((reading) => reading.extraction.status === 'skipped')) flags.push('reading-budget');
  if (readings.some((reading) => reading.extraction.hiddenReasons.length > 0)) flags.push('hidden-text');
  const cvNames = documents
    .filter((document) => document.kind === 'cv')
    .map((document) => document.reading?.profile?.name ?? null)
    .filter((name) => name !== null);
  if (senderName.trim() !== '' && cvNames.some((name) => namesMatch(name, senderName) === 'mismatch')) {
    flags.push('cv-name-mismatch');
  }
  return flags;
}
