import type { OcrConfig } from '../../../config/ocr-schema.ts';
import { OcrSession, type OcrOutcome } from '../../ocr/ocr-session.ts';

/** Images covering at least this share of a page without text make it worth OCR (a scan with wide margins). */
export const OCR_IMAGE_COVERAGE = 0.1;

/** What OCR of one page gave, or that it was not read (OCR unavailable, or past `maxPages`). */
export type PageScan = OcrOutcome | { status: 'not-read' };

/**
 * The OCR of a PDF's image-only pages: a session opened at the first such page (none when OCR is off or not
 * installed: `unavailable` then says why), and how many pages it read or left.
 */
export class PdfScans {
  readonly #content: Buffer;
  readonly #config: OcrConfig | undefined;
  #session: Promise<OcrSession | string> | null = null;
  /** Why no page could be read by OCR (null: it could, or no page needed it). */
  unavailable: string | null = null;
  /** Pages read by OCR. */
  pages = 0;
  /** Image-only pages left unread for `maxPages`. */
  skipped = 0;

  constructor(content: Buffer, config: OcrConfig | undefined) {
    this.#content = content;
    this.#config = config;
  }

  /** Recognises page `number` (1-based), `width` × `height` points. */
  async read(number: number, width: number, height: number): Promise<PageScan> {
    this.#session ??= OcrSession.open(this.#config, true);
    const session = await this.#session;
    if (typeof session === 'string') {
      this.unavailable = session;
      return { status: 'not-read' };
    }
    if (!session.morePages) {
      this.skipped += 1;
      return { status: 'not-read' };
    }
    const outcome = await session.recognisePage(this.#content, number, width, height);
    this.pages = session.pages;
    return outcome;
  }
}
