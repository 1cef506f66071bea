import { AnnotationMode, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedText, ExtractionLimits, ExtractionOptions } from '../../extraction.ts';
import { describeError, readText, unreadable } from '../extraction-result.ts';
import { TextCollector } from '../text-collector.ts';
import { toMatrix } from './matrix.ts';
import { openFailure, openPdf } from './open-pdf.ts';
import { PageText, type PageSource } from './page-text.ts';
import { OCR_IMAGE_COVERAGE, PdfScans, type PageScan } from './pdf-scans.ts';
import { readTextLayer } from './read-text-layer.ts';
import type { FontFacts } from './show-text.ts';
import { walkPageGlyphs } from './walk-page-glyphs.ts';

const NO_TEXT_LAYER = 'no text layer: the pages hold no text (a scan or images only)';

/**
 * Reads the text of a PDF page by page in drawing order, at most `maxPages` pages; text a reader could not
 * see goes to `hiddenText` (unless `findHiddenText` is false: then pdf.js's text layer is read, all as visible,
 * and nothing is read by OCR). A scan's invisible OCR layer is the page's text (see isOcrLayer); a page that is
 * only images is read by OCR (`limits.ocr`). Password-protected → `encrypted`; unreadable → `corrupt`; no text →
 * `empty`; OCR over its time → `timeout`, failed → `failed`.
 */
export async function extractPdf(
  content: Buffer,
  limits: ExtractionLimits,
  options: ExtractionOptions = {},
): Promise<ExtractedText> {
  const task = openPdf(content);
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    return openFailure(error);
  }
  try {
    const scans = options.findHiddenText === false ? null : new PdfScans(content, limits.ocr);
    return await readPages(document, limits, scans);
  } finally {
    await document.destroy();
  }
}

async function readPages(
  document: PDFDocumentProxy,
  limits: ExtractionLimits,
  scans: PdfScans | null,
): Promise<ExtractedText> {
  const pageCount = document.numPages;
  if (!(pageCount > 0)) return unreadable('pdf', 'corrupt', 'the PDF has no pages');
  const last = Math.min(pageCount, limits.maxPages);
  const collector = new TextCollector(limits.maxTextChars);
  const fonts = new Map<string, FontFacts>();
  let pagesRead = 0;
  let layerPages = 0;
  let firstError: unknown = null;
  for (let number = 1; number <= last && !collector.full; number += 1) {
    let scan: PageScan | null = null;
    try {
      const page = await document.getPage(number);
      try {
        if (scans === null) await readTextLayer(page, collector);
        else {
          const read = await readPage(page, fonts, collector);
          if (read.source === 'ocr-layer') layerPages += 1;
          if (read.source === 'none' && read.imageCoverage >= OCR_IMAGE_COVERAGE) {
            scan = await scans.read(number, read.width, read.height);
          }
        }
      } finally {
        page.cleanup();
      }
      pagesRead += 1;
    } catch (error) {
      firstError ??= error;
    }
    if (scan?.status === 'timeout' || scan?.status === 'failed') {
      return unreadable('pdf', scan.status, scan.reason, pageCount);
    }
    if (scan?.status === 'done') {
      collector.write(scan.text);
      collector.separate('\n\n');
    }
  }
  if (pagesRead === 0) {
    return unreadable('pdf', 'corrupt', `no page could be read: ${describeError(firstError)}`, pageCount);
  }
  const result = readText('pdf', collector.finish(), {
    pages: pageCount,
    truncated: pageCount > limits.maxPages || pagesRead < last || (scans?.skipped ?? 0) > 0,
    emptyReason: emptyReason(scans),
  });
  return { ...result, ...textSource(scans?.pages ?? 0, layerPages) };
}

function emptyReason(scans: PdfScans | null): string {
  if (scans?.unavailable) return `${NO_TEXT_LAYER}; ${scans.unavailable}`;
  if (scans !== null && scans.pages > 0) return `no text: OCR found none on ${scans.pages} scanned page(s)`;
  return NO_TEXT_LAYER;
}

function textSource(ocrPages: number, layerPages: number): Pick<ExtractedText, 'textSource' | 'ocrPages'> {
  if (ocrPages > 0) return { textSource: 'ocr', ocrPages };
  if (layerPages > 0) return { textSource: 'ocr-layer', ocrPages: layerPages };
  return {};
}

/** One page's text and hidden text written; where its text came from, its size and its images' coverage. */
async function readPage(
  page: PDFPageProxy,
  fonts: Map<string, FontFacts>,
  collector: TextCollector,
): Promise<{ source: PageSource; imageCoverage: number; width: number; height: number }> {
  const operators = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const view = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
  const text = new PageText(view);
  walkPageGlyphs(
    operators,
    view,
    (fontId) => fontFacts(page, fontId, fonts),
    (glyph) => text.addGlyph(glyph),
    (box) => text.addImage(box),
  );
  const source = text.writeTo(collector);
  return {
    source,
    imageCoverage: text.facts.imageCoverage,
    width: view.x1 - view.x0,
    height: view.y1 - view.y0,
  };
}

/** A font's matrix and writing mode, from pdf.js's document-wide objects (cached per document). */
function fontFacts(page: PDFPageProxy, fontId: string, cache: Map<string, FontFacts>): FontFacts {
  let facts = cache.get(fontId);
  if (facts === undefined) {
    facts = { fontMatrix: null, vertical: false };
    try {
      const font = page.commonObjs.get(fontId) as { fontMatrix?: unknown; vertical?: unknown } | null;
      facts = { fontMatrix: toMatrix(font?.fontMatrix), vertical: font?.vertical === true };
    } catch {
      // Not loaded (a broken font): default metrics.
    }
    cache.set(fontId, facts);
  }
  return facts;
}
