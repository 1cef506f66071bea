import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextCollector } from '../text-collector.ts';
import { GlyphLines } from './glyph-lines.ts';
import type { PageGlyph } from './show-text.ts';

/** A run of text in pdf.js's text layer (marked-content items aside). */
type TextRun = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], { str: string }>;

/**
 * Reads a page's text from pdf.js's text layer (`getTextContent`), without replaying its drawing: every run of
 * text counts as visible, so nothing goes to hidden text. The runs are joined into lines as the glyph walk joins
 * glyphs (GlyphLines), each run placed along the baseline of its matrix.
 */
export async function readTextLayer(page: PDFPageProxy, collector: TextCollector): Promise<void> {
  const content = await page.getTextContent();
  const lines = new GlyphLines();
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    lines.add(placeRun(item));
  }
  collector.write(lines.text());
  collector.separate('\n\n');
}

function placeRun(item: TextRun): PageGlyph {
  const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform as number[];
  const length = Math.hypot(a, b);
  const [ux, uy] = length > 1e-6 ? [a / length, b / length] : [1, 0];
  return {
    text: item.str,
    x,
    y,
    endX: x + item.width * ux,
    endY: y + item.width * uy,
    size: Math.hypot(c, d),
    hidden: [],
  };
}
