import { AnnotationMode, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {
  ExtractedText,
  ExtractionLimits,
  ExtractionOptions,
  HiddenTextReason,
} from '../../extraction.ts';
import { describeError, readText, unreadable } from '../extraction-result.ts';
import { TextCollector } from '../text-collector.ts';
import { GlyphLines } from './glyph-lines.ts';
import { toMatrix } from './matrix.ts';
import { openFailure, openPdf } from './open-pdf.ts';
import { readTextLayer } from './read-text-layer.ts';
import type { FontFacts } from './show-text.ts';
import { walkPageGlyphs } from './walk-page-glyphs.ts';

const NO_TEXT_LAYER = 'no text layer: the pages hold no text (a scan or images only; no OCR)';

/**
 * Reads the text of a PDF page by page in drawing order, at most `maxPages` pages; text a reader could not
 * see goes to `hiddenText` (unless `findHiddenText` is false: then pdf.js's text layer is read, all as visible).
 * Password-protected → `encrypted`; unreadable → `corrupt`; no text → `empty`.
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
    return await readPages(document, limits, options.findHiddenText !== false);
  } finally {
    await document.destroy();
  }
}

async function readPages(
  document: PDFDocumentProxy,
  limits: ExtractionLimits,
  findHiddenText: boolean,
): Promise<ExtractedText> {
  const pageCount = document.numPages;
  if (!(pageCount > 0)) return unreadable('pdf', 'corrupt', 'the PDF has no pages');
  const last = Math.min(pageCount, limits.maxPages);
  const collector = new TextCollector(limits.maxTextChars);
  const fonts = new Map<string, FontFacts>();
  let pagesRead = 0;
  let firstError: unknown = null;
  for (let number = 1; number <= last && !collector.full; number += 1) {
    try {
      const page = await document.getPage(number);
      try {
        if (findHiddenText) await readPage(page, fonts, collector);
        else await readTextLayer(page, collector);
      } finally {
        page.cleanup();
      }
      pagesRead += 1;
    } catch (error) {
      firstError ??= error;
    }
  }
  if (pagesRead === 0) {
    return unreadable('pdf', 'corrupt', `no page could be read: ${describeError(firstError)}`, pageCount);
  }
  return readText('pdf', collector.finish(), {
    pages: pageCount,
    truncated: pageCount > limits.maxPages || pagesRead < last,
    emptyReason: NO_TEXT_LAYER,
  });
}

async function readPage(
  page: PDFPageProxy,
  fonts: Map<string, FontFacts>,
  collector: TextCollector,
): Promise<void> {
  const operators = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const view = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
  const visible = new GlyphLines();
  const hidden = new GlyphLines();
  const reasons = new Set<HiddenTextReason>();
  walkPageGlyphs(
    operators,
    view,
    (fontId) => fontFacts(page, fontId, fonts),
    (glyph) => {
      if (glyph.hidden.length === 0) {
        visible.add(glyph);
        return;
      }
      for (const reason of glyph.hidden) reasons.add(reason);
      hidden.add(glyph);
    },
  );
  collector.write(visible.text());
  collector.write(hidden.text(), [...reasons]);
  collector.separate('\n\n');
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
