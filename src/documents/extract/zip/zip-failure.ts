import type { DocumentFormat, ExtractedText } from '../../extraction.ts';
import { describeError, unreadable } from '../extraction-result.ts';
import { ZipLimitError } from './read-zip-entries.ts';

/** The status for a zip-based document that could not be read: a decompression bomb, or damage. */
export function zipFailure(format: DocumentFormat, error: unknown): ExtractedText {
  if (error instanceof ZipLimitError) return unreadable(format, 'too-large', error.message);
  return unreadable(
    format,
    'corrupt',
    `not a readable ${format.toUpperCase()} file: ${describeError(error)}`,
  );
}
