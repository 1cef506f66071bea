import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isNearWhite } from '../hidden-text-rules.ts';
import { multiply, toMatrix, transformBox, IDENTITY, translation, type Box, type Matrix } from './matrix.ts';
import { ImageGroups } from './image-groups.ts';
import { applyExtGState, StateStack, type GraphicsState } from './pdf-graphics-state.ts';
import { showText, type FontFacts, type PageGlyph } from './show-text.ts';

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

const FILL_OPS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const MAX_BACKGROUNDS = 20_000;

/**
 * Replays a page's operator list (pdf.js) far enough to place each character and judge whether a reader can
 * see it: invisible render mode or zero opacity, white on a page without a coloured fill behind it, a size
 * under `MICROSCOPIC_POINTS`, or a position outside the page's view box. Calls `onGlyph` in content order, and
 * `onImage` with the box of each image drawn (see ImageGroups).
 */
export function walkPageGlyphs(
  operators: OperatorList,
  view: Box,
  fontFacts: (fontId: string) => FontFacts,
  onGlyph: (glyph: PageGlyph) => void,
  onImage: (box: Box) => void = () => {},
): void {
  const states = new StateStack();
  const images = new ImageGroups();
  const backgrounds: Box[] = [];
  let shaded = false;
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  const moveLine = (x: number, y: number): void => {
    lineMatrix = multiply(translation(x, y), lineMatrix);
    textMatrix = lineMatrix;
  };
  for (let i = 0; i < operators.fnArray.length; i += 1) {
    const fn = operators.fnArray[i];
    const args = (operators.argsArray[i] ?? []) as unknown[];
    const state = states.current;
    switch (fn) {
      case OPS.save:
        states.save();
        images.save();
        break;
      case OPS.beginGroup:
        states.save();
        break;
      case OPS.restore: {
        const image = images.restore(state.ctm);
        if (image !== null) onImage(image);
        states.restore();
        break;
      }
      case OPS.endGroup:
      case OPS.paintFormXObjectEnd:
        states.restore();
        break;
      case OPS.paintFormXObjectBegin: {
        images.draw();
        states.save();
        const m = toMatrix(args[0]);
        if (m !== null) states.current.ctm = multiply(m, states.current.ctm);
        break;
      }
      case OPS.transform: {
        images.transform();
        const m = toMatrix(args);
        if (m !== null) state.ctm = multiply(m, state.ctm);
        break;
      }
      case OPS.setFillRGBColor:
        state.fill = typeof args[0] === 'string' ? args[0] : null;
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = typeof args[0] === 'string' ? args[0] : null;
        break;
      case OPS.setFillColorN:
      case OPS.setFillTransparent:
        state.fill = null;
        break;
      case OPS.setGState:
        applyExtGState(state, args[0]);
        break;
      case OPS.constructPath:
        images.draw();
        if (
          FILL_OPS.has(args[0] as number) &&
          paintsBackground(state) &&
          backgrounds.length < MAX_BACKGROUNDS
        ) {
          const box = boxOf(args[2]);
          if (box !== null) backgrounds.push(transformBox(state.ctm, box));
        }
        break;
      case OPS.shadingFill:
        images.draw();
        shaded = true;
        break;
      case OPS.beginText:
        textMatrix = IDENTITY;
        lineMatrix = IDENTITY;
        break;
      case OPS.setTextMatrix: {
        const m = toMatrix(args[0]) ?? toMatrix(args);
        if (m !== null) textMatrix = lineMatrix = m;
        break;
      }
      case OPS.moveText:
        moveLine(num(args[0]), num(args[1]));
        break;
      case OPS.setLeadingMoveText:
        state.leading = -num(args[1]);
        moveLine(num(args[0]), num(args[1]));
        break;
      case OPS.nextLine:
        moveLine(0, -state.leading);
        break;
      case OPS.setLeading:
        state.leading = num(args[0]);
        break;
      case OPS.setCharSpacing:
        state.charSpacing = num(args[0]);
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = num(args[0]);
        break;
      case OPS.setHScale:
        state.hScale = num(args[0], 100) / 100;
        break;
      case OPS.setTextRise:
        state.rise = num(args[0]);
        break;
      case OPS.setTextRenderingMode:
        state.renderMode = num(args[0]);
        break;
      case OPS.setFont:
        if (typeof args[0] === 'string') state.fontId = args[0];
        state.fontSize = num(args[1]);
        break;
      case OPS.showText: {
        images.draw();
        const font = state.fontId === null ? null : fontFacts(state.fontId);
        const page = { view, backgrounds, shaded };
        textMatrix = showText(args[0], state, textMatrix, font, page, onGlyph);
        break;
      }
      default:
        break;
    }
  }
}

function paintsBackground(state: GraphicsState): boolean {
  return state.fillAlpha > 0.1 && (state.fill === null || !isNearWhite(state.fill));
}

function boxOf(minMax: unknown): Box | null {
  if (minMax === null || typeof minMax !== 'object' || !('length' in minMax) || minMax.length !== 4)
    return null;
  const [x0, y0, x1, y1] = Array.from(minMax as ArrayLike<number>);
  if (![x0, y0, x1, y1].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  return { x0: x0!, y0: y0!, x1: x1!, y1: y1! };
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
