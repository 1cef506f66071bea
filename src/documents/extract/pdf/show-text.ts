import { normalizeUnicode } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { HiddenTextReason } from '../../extraction.ts';
import { isNearWhite, MICROSCOPIC_POINTS } from '../hidden-text-rules.ts';
import { apply, contains, multiply, translation, type Box, type Matrix } from './matrix.ts';
import type { GraphicsState } from './pdf-graphics-state.ts';

/** One character drawn on a page, in page space (points), with why it cannot be seen (empty: visible). */
export interface PageGlyph {
  text: string;
  x: number;
  y: number;
  endX: number;
  endY: number;
  size: number;
  hidden: HiddenTextReason[];
}

/** What the walk needs to know about a font (pdf.js `commonObjs`). */
export interface FontFacts {
  fontMatrix: Matrix | null;
  vertical: boolean;
}

/** Glyph as pdf.js puts it into a `showText` operation. */
interface PdfjsGlyph {
  unicode?: unknown;
  width?: unknown;
  isSpace?: unknown;
}

const DEFAULT_FONT_MATRIX: Matrix = [0.001, 0, 0, 0.001, 0, 0];

/** What the page around a glyph decides about its visibility. */
export interface PageFacts {
  view: Box;
  backgrounds: Box[];
  shaded: boolean;
}

/** Places the glyphs of one `showText` (glyph objects and spacing numbers); returns the text matrix after. */
export function showText(
  glyphs: unknown,
  state: GraphicsState,
  start: Matrix,
  font: FontFacts | null,
  page: PageFacts,
  onGlyph: (glyph: PageGlyph) => void,
): Matrix {
  if (!Array.isArray(glyphs)) return start;
  const fontMatrix = font?.fontMatrix ?? DEFAULT_FONT_MATRIX;
  const vertical = font?.vertical === true;
  const fontSize = Math.abs(state.fontSize);
  const emScale = Math.abs(fontMatrix[3] || fontMatrix[0]) * 1000;
  let tm = start;
  for (const glyph of glyphs as unknown[]) {
    if (typeof glyph === 'number') {
      const shift = (-glyph / 1000) * fontSize;
      tm = multiply(vertical ? translation(0, -shift) : translation(shift * state.hScale, 0), tm);
      continue;
    }
    if (glyph === null || typeof glyph !== 'object') continue;
    const { unicode, width, isSpace } = glyph as PdfjsGlyph;
    const spacing = state.charSpacing + (isSpace === true ? state.wordSpacing : 0);
    const advance = vertical
      ? -(fontSize * Math.abs(fontMatrix[0]) * 1000 + spacing)
      : ((typeof width === 'number' ? width : 0) * fontMatrix[0] * fontSize + spacing) * state.hScale;
    const m = multiply(tm, state.ctm);
    const [x, y] = apply(m, 0, state.rise);
    const [endX, endY] = vertical ? apply(m, 0, state.rise + advance) : apply(m, advance, state.rise);
    const text = typeof unicode === 'string' ? (normalizeUnicode(unicode) as string) : '';
    // Spaces are not passed on: word breaks are read from the gaps between glyphs (space glyphs of broken
    // encodings often overlap the next character).
    if (text.trim() !== '') {
      const size = fontSize * emScale * Math.hypot(m[2], m[3]);
      const glyphFacts = { x, y, endX, endY, size };
      onGlyph({ text, ...glyphFacts, hidden: hiddenReasons(state, glyphFacts, page) });
    }
    tm = multiply(vertical ? translation(0, advance) : translation(advance, 0), tm);
  }
  return tm;
}

function hiddenReasons(
  state: GraphicsState,
  glyph: { x: number; y: number; endX: number; endY: number; size: number },
  page: PageFacts,
): HiddenTextReason[] {
  const reasons: HiddenTextReason[] = [];
  const mode = state.renderMode & 3;
  const fills = mode === 0 || mode === 2;
  const strokes = mode === 1 || mode === 2;
  const alpha = Math.max(fills ? state.fillAlpha : 0, strokes ? state.strokeAlpha : 0);
  if (mode === 3 || alpha < 0.05) reasons.push('invisible-render-mode');
  const cx = (glyph.x + glyph.endX) / 2;
  const cy = (glyph.y + glyph.endY) / 2;
  if (mode !== 3 && isWhiteInk(state, fills, strokes) && !onBackground(page, cx, cy))
    reasons.push('white-text');
  if (glyph.size < MICROSCOPIC_POINTS) reasons.push('microscopic-text');
  if (!contains(page.view, cx, cy, 1)) reasons.push('outside-page');
  return reasons;
}

function isWhiteInk(state: GraphicsState, fills: boolean, strokes: boolean): boolean {
  const fillWhite = !fills || (state.fill !== null && isNearWhite(state.fill));
  const strokeWhite = !strokes || (state.stroke !== null && isNearWhite(state.stroke));
  return fillWhite && strokeWhite;
}

function onBackground(page: PageFacts, x: number, y: number): boolean {
  return page.shaded || page.backgrounds.some((box) => contains(box, x, y));
}
