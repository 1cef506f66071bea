import type { DocumentFormat, ExtractedText, ExtractionStatus } from '../extraction.ts';
import type { CollectedText } from './text-collector.ts';

/** A result without text: the document could not be read, for `reason`. */
export function unreadable(
  format: DocumentFormat,
  status: Exclude<ExtractionStatus, 'ok'>,
  reason: string,
  pages: number | null = null,
): ExtractedText {
  return { status, format, reason, text: '', pages, truncated: false, hiddenText: '', hiddenReasons: [] };
}

export interface ReadDetails {
  pages?: number | null;
  /** Cut short by a limit other than the text length (e.g. `maxPages`). */
  truncated?: boolean;
  /** Said when no visible text was found (default: "no text"). */
  emptyReason?: string;
}

/** The result of a document that was read: `ok` with its text, or `empty` when it shows no text at all. */
export function readText(
  format: DocumentFormat,
  collected: CollectedText,
  details: ReadDetails = {},
): ExtractedText {
  const empty = collected.text.trim() === '';
  let reason: string | null = null;
  if (empty) {
    reason = details.emptyReason ?? 'no text';
    if (collected.hiddenText !== '') reason = `${reason}; only hidden text`;
  }
  return {
    status: empty ? 'empty' : 'ok',
    format,
    reason,
    text: empty ? '' : collected.text,
    pages: details.pages ?? null,
    truncated: collected.truncated || details.truncated === true,
    hiddenText: collected.hiddenText,
    hiddenReasons: collected.hiddenReasons,
  };
}

/** An error's message, for a reason string. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
