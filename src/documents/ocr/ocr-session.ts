import type { OcrConfig } from '../../config/ocr-schema.ts';
import { noticeOcrStart } from './ocr-notice.ts';
import { installedOcrTools, usableLanguages } from './ocr-tools.ts';
import { runBounded, type BoundedRun } from './run-bounded.ts';

/** What OCR of one page or image gave: its text, or why there is none. */
export type OcrOutcome = { status: 'done'; text: string } | { status: 'timeout' | 'failed'; reason: string };

// A page is rasterised at no more pixels than this (a page of 1 × 1 m at 200 dpi would be 62 megapixels).
const MAX_PAGE_PIXELS = 40_000_000;
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
const MAX_TEXT_BYTES = 4 * 1024 * 1024;
const POINTS_PER_INCH = 72;

/**
 * OCR of one document's scans, within `extraction.ocr`: at most `maxPages` pages (or one image), all of them within
 * `timeoutSeconds` from the first, each run of pdftoppm and tesseract a bounded child process (see runBounded).
 */
export class OcrSession {
  readonly #config: OcrConfig;
  readonly #languages: string;
  readonly #pdf: boolean;
  #deadline: number | null = null;
  /** Pages (or images) recognised so far. */
  pages = 0;

  private constructor(config: OcrConfig, languages: readonly string[], pdf: boolean) {
    this.#config = config;
    this.#languages = languages.join('+');
    this.#pdf = pdf;
  }

  /**
   * A session for a PDF's pages (`pdf`) or an image, or why there can be none: OCR disabled or not configured,
   * a program or every configured language missing.
   */
  static async open(config: OcrConfig | undefined, pdf: boolean): Promise<OcrSession | string> {
    if (config === undefined) return 'no OCR';
    if (!config.enabled) return 'no OCR (extraction.ocr.enabled is false)';
    const tools = await installedOcrTools();
    if (tools.tesseract === null) return 'no OCR: tesseract is not installed';
    if (pdf && tools.pdftoppm === null) return 'no OCR: pdftoppm (poppler-utils) is not installed';
    const languages = usableLanguages(config.languages, tools);
    if (languages.length === 0) {
      return `no OCR: none of the languages ${config.languages.join('+')} is installed for tesseract`;
    }
    return new OcrSession(config, languages, pdf);
  }

  /** Whether another page may be read (`maxPages`). */
  get morePages(): boolean {
    return this.pages < this.#config.maxPages;
  }

  /** Recognises the text of an image file (PNG, JPEG, TIFF, …). */
  async recogniseImage(image: Buffer): Promise<OcrOutcome> {
    this.pages += 1;
    return this.#recognise(image);
  }

  /** Rasterises page `number` (1-based; `width` × `height` points) of a PDF and recognises its text. */
  async recognisePage(pdf: Buffer, number: number, width: number, height: number): Promise<OcrOutcome> {
    if (!this.#pdf) return { status: 'failed', reason: 'OCR session opened for an image' };
    this.pages += 1;
    const dpi = pageDpi(this.#config.dpi, width, height);
    const args = ['-f', String(number), '-l', String(number), '-r', String(dpi), '-gray', '-png', '-'];
    const raster = await this.#run('pdftoppm', args, pdf, MAX_IMAGE_BYTES);
    if (raster.status !== 'done') return this.#failure(raster, `page ${number} could not be rasterised`);
    return this.#recognise(raster.stdout);
  }

  async #recognise(image: Buffer): Promise<OcrOutcome> {
    const args = ['stdin', 'stdout', '-l', this.#languages];
    const run = await this.#run('tesseract', args, image, MAX_TEXT_BYTES);
    if (run.status !== 'done') return this.#failure(run, 'tesseract could not read the image');
    return { status: 'done', text: run.stdout.toString('utf8').replace(/\f/g, '\n\n') };
  }

  #run(command: string, args: string[], input: Buffer, maxOutputBytes: number): Promise<BoundedRun> {
    if (this.#deadline === null) {
      this.#deadline = Date.now() + this.#config.timeoutSeconds * 1000;
      noticeOcrStart(this.#config.timeoutSeconds);
    }
    const timeoutMs = this.#deadline - Date.now();
    if (timeoutMs <= 0) return Promise.resolve({ status: 'timeout' });
    return runBounded(command, args, { input, timeoutMs, memoryMb: this.#config.memoryMb, maxOutputBytes });
  }

  #failure(run: Exclude<BoundedRun, { status: 'done' }>, what: string): OcrOutcome {
    if (run.status === 'timeout') {
      return { status: 'timeout', reason: `OCR took over ${this.#config.timeoutSeconds} s and was stopped` };
    }
    return { status: 'failed', reason: `OCR failed: ${what} (${run.detail})` };
  }
}

/** The resolution a page is rasterised at: `dpi`, lowered so that the page stays under MAX_PAGE_PIXELS. */
export function pageDpi(dpi: number, width: number, height: number): number {
  const square = (Math.abs(width) / POINTS_PER_INCH) * (Math.abs(height) / POINTS_PER_INCH);
  if (!(square > 0)) return dpi;
  return Math.max(1, Math.min(dpi, Math.floor(Math.sqrt(MAX_PAGE_PIXELS / square))));
}
