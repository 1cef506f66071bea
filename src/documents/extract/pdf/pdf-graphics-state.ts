import type { Matrix } from './matrix.ts';
import { IDENTITY } from './matrix.ts';

/** The parts of a PDF graphics state that decide where text goes and whether it can be seen. */
export interface GraphicsState {
  ctm: Matrix;
  /** Fill and stroke colours as `#rrggbb`, or null when not a plain colour (a pattern, unknown). */
  fill: string | null;
  stroke: string | null;
  fillAlpha: number;
  strokeAlpha: number;
  renderMode: number;
  fontId: string | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/** The state at the start of a page: black text, identity transform. */
export function initialState(): GraphicsState {
  return {
    ctm: IDENTITY,
    fill: '#000000',
    stroke: '#000000',
    fillAlpha: 1,
    strokeAlpha: 1,
    renderMode: 0,
    fontId: null,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
}

/** A stack of graphics states for `q`/`Q` (and forms and groups), bounded against runaway nesting. */
export class StateStack {
  static readonly MAX_DEPTH = 1000;
  #stack: GraphicsState[] = [];
  current: GraphicsState = initialState();

  save(): void {
    if (this.#stack.length < StateStack.MAX_DEPTH) this.#stack.push({ ...this.current });
  }

  restore(): void {
    const previous = this.#stack.pop();
    if (previous !== undefined) this.current = previous;
  }
}

/** Applies one `setGState` entry list (pdf.js gives `[key, value]` pairs). */
export function applyExtGState(state: GraphicsState, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [key, value] = entry as [unknown, unknown];
    if (key === 'ca' && typeof value === 'number') state.fillAlpha = value;
    if (key === 'CA' && typeof value === 'number') state.strokeAlpha = value;
    if (key === 'Font' && Array.isArray(value)) {
      const [fontId, size] = value as [unknown, unknown];
      if (typeof fontId === 'string') state.fontId = fontId;
      if (typeof size === 'number') state.fontSize = size;
    }
  }
}
