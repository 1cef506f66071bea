/**
 * A format-neutral description of a test document, rendered to PDF, DOCX, ODT, RTF, HTML or text by
 * `buildDocument` (test/support/documents/build-document.ts), so the same content can be tried in every format.
 */
export interface DocumentSpec {
  /** Blocks in reading order. */
  blocks: Block[];
  /** Two-column layout: blocks with `column: 2` go to the right column of the same page (PDF); others left. */
  columns?: 1 | 2;
  /** Document title metadata (PDF Info / DOCX core properties), not visible text. */
  title?: string;
}

export interface Block {
  text: string;
  /** How it looks. The `hidden-*` styles are the tricks used to game keyword screening. */
  style?: 'title' | 'heading' | 'body' | 'hidden-white' | 'hidden-tiny' | 'hidden-offpage' | 'hidden-vanish';
  column?: 1 | 2;
  /** Start a new page before this block. */
  pageBreak?: boolean;
  /** Table rows (cells) instead of `text` — e.g. a transcript's grade table. */
  table?: string[][];
}

export type FixtureFormat = 'pdf' | 'docx' | 'odt' | 'rtf' | 'html' | 'txt';

export interface BuildOptions {
  /** PDF only: protect with this user password. */
  password?: string;
  /** PDF only: no text layer — every page is an image (a scan). */
  scanned?: boolean;
  /** PDF only: the size of body text and table cells in points (default 11). */
  bodySize?: number;
  /** PDF only: a full-width PNG under each page's blocks (`figure(0)` on the first; none if undefined). */
  figure?: (page: number) => Buffer | undefined;
}
