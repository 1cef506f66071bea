import type { ExtractionConfig } from '../config/schema.ts';

/** The file formats text is read from; `image` is read by OCR (else recorded as a scan), `unknown` is not read. */
export const DOCUMENT_FORMATS = [
  'pdf',
  'docx',
  'doc',
  'odt',
  'rtf',
  'html',
  'text',
  'image',
  'unknown',
] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * What reading a document gave.
 * - `ok`: text was read (it may still be short);
 * - `empty`: readable, but no text at all (e.g. a PDF whose pages are only images: a scan);
 * - `scan`: an image file not read (OCR off or not installed);
 * - `encrypted`: password-protected;
 * - `corrupt`: the file is damaged or not what its type says;
 * - `unsupported`: a format we do not read (the kind then comes from the file name);
 * - `too-large`: over a size, page or decompression limit (see `reason`);
 * - `timeout`: reading took longer than the time limit and was stopped;
 * - `failed`: the reader crashed or ran out of memory;
 * - `skipped`: not read, its message's reading budget being spent (see `extraction.message*` in the config).
 */
export const EXTRACTION_STATUSES = [
  'ok',
  'empty',
  'scan',
  'encrypted',
  'corrupt',
  'unsupported',
  'too-large',
  'timeout',
  'failed',
  'skipped',
] as const;
export type ExtractionStatus = (typeof EXTRACTION_STATUSES)[number];

/** Why some text would not be seen by a reader of the document (and so is kept out of `text`). */
export const HIDDEN_TEXT_REASONS = [
  'white-text',
  'microscopic-text',
  'outside-page',
  'invisible-render-mode',
  'hidden-formatting',
] as const;
export type HiddenTextReason = (typeof HIDDEN_TEXT_REASONS)[number];

/**
 * Where a document's text came from besides its own text: `ocr-layer`, a scan's invisible text layer (a scanner's
 * or OCR program's recognised text, drawn invisibly over the page image); `ocr`, recognised here by Tesseract.
 */
export const TEXT_SOURCES = ['ocr-layer', 'ocr'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

/** The text of one document and what stood in the way of reading it. Plain data: crosses thread boundaries. */
export interface ExtractedText {
  status: ExtractionStatus;
  format: DocumentFormat;
  /** Why the status is not `ok`, in words (`null` when it is). */
  reason: string | null;
  /** The visible text in reading order, lines separated by `\n`; '' when nothing could be read. */
  text: string;
  /** Number of pages (PDF) when known, else null. */
  pages: number | null;
  /** The text was cut at `maxTextChars` or `maxPages`. */
  truncated: boolean;
  /** Text a reader would not see (white, microscopic, outside the page, hidden), at most 2,000 characters. */
  hiddenText: string;
  /** Why that text is invisible, each reason once. */
  hiddenReasons: HiddenTextReason[];
  /** Absent when all the text is the document's own; else where (some of) it came from (`ocr` before `ocr-layer`). */
  textSource?: TextSource;
  /** Pages (or images) whose text came from `textSource`. */
  ocrPages?: number;
}

/** What the extraction of one document may know about it besides its bytes. */
export interface ExtractionHint {
  filename: string | null;
  contentType: string;
}

/** The limits one extraction runs under (from `extraction` in the config); no `ocr`: scans are not read. */
export type ExtractionLimits = Omit<ExtractionConfig, 'threads'>;

/** How one extraction reads, besides its limits. Not in the config: the daemon always uses the defaults. */
export interface ExtractionOptions {
  /**
   * `false`: a PDF's text comes from pdf.js's text layer, all of it taken as visible, without replaying the
   * drawing to find hidden text (what `npm run bench` compares the full reading with). Other formats are read
   * as always. Default `true`.
   */
  findHiddenText?: boolean;
}
