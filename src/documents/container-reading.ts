import type { ContainerOutcome } from '../domain/container-outcome.ts';
import type { DocumentReading } from './document-reading.ts';
import { unreadable } from './extract/extraction-result.ts';
import { readExtracted } from './read-document.ts';

/**
 * The reading of a container kept whole (damaged: `corrupt`; over a nesting, byte or count limit: `too-large`),
 * with the reason; null for anything else, which is read as usual. Pure.
 */
export function containerReading(
  container: ContainerOutcome | null,
  hint: { filename: string | null; contentType: string },
): DocumentReading | null {
  if (container === null || container.status === 'unpacked') return null;
  const status = container.status === 'corrupt' ? 'corrupt' : 'too-large';
  const extraction = unreadable('unknown', status, container.reason);
  return readExtracted(extraction, { ...hint, keywords: [], applicantName: '' }).reading;
}
