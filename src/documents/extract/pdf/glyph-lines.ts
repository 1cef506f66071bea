import type { PageGlyph } from './show-text.ts';

/** A baseline shift beyond this share of the text size starts a new line (superscripts stay on theirs). */
const NEW_LINE_SHIFT = 0.6;
/** A vertical gap beyond this many text sizes marks a new paragraph (a blank line). */
const PARAGRAPH_SHIFT = 2.2;
/** A horizontal gap beyond this share of the size is a word break; beyond the second, a column gap (tab). */
const SPACE_GAP = 0.15;
const TAB_GAP = 2;
/** Moving back by more than this many sizes on the same baseline starts a new line. */
const BACK_STEP = 1.5;
/** Chinese and Japanese are written without spaces: letter-spacing between their characters is no break. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const CJK_SPACE_GAP = 1;

/**
 * Joins glyphs, in the order they were drawn (content order keeps a two-column page column by column), into
 * lines: a new line where the baseline moves, a space or tab where a gap opens on the same line.
 */
export class GlyphLines {
  #out: string[] = [];
  #length = 0;
  #previous: PageGlyph | null = null;
  #lastChar = '';

  /** Characters written so far. */
  get length(): number {
    return this.#length;
  }

  add(glyph: PageGlyph): void {
    const previous = this.#previous;
    this.#previous = glyph;
    if (previous !== null) {
      const cjk = CJK.test(this.#lastChar) && CJK.test(glyph.text);
      const separator = separatorBetween(previous, glyph, cjk ? CJK_SPACE_GAP : SPACE_GAP);
      if (separator !== '') this.#push(separator);
    }
    this.#push(glyph.text);
  }

  /** Ends the page (or block): the next glyph starts a new paragraph. */
  break(): void {
    if (this.#previous !== null) this.#push('\n\n');
    this.#previous = null;
  }

  text(): string {
    return this.#out.join('');
  }

  #push(text: string): void {
    this.#out.push(text);
    this.#length += text.length;
    this.#lastChar = text.at(-1) ?? this.#lastChar;
  }
}

function separatorBetween(previous: PageGlyph, glyph: PageGlyph, spaceGap: number): string {
  const dirX = previous.endX - previous.x;
  const dirY = previous.endY - previous.y;
  const norm = Math.hypot(dirX, dirY);
  const [ux, uy] = norm > 1e-6 ? [dirX / norm, dirY / norm] : [1, 0];
  const dx = glyph.x - previous.endX;
  const dy = glyph.y - previous.endY;
  const along = dx * ux + dy * uy;
  const across = -dx * uy + dy * ux;
  const size = Math.max(Math.min(previous.size, glyph.size), 0.01);
  if (!sameDirection(previous, glyph, ux, uy)) return '\n';
  if (Math.abs(across) > NEW_LINE_SHIFT * size)
    return Math.abs(across) > PARAGRAPH_SHIFT * size ? '\n\n' : '\n';
  if (along < -BACK_STEP * size) return '\n';
  if (along > TAB_GAP * size) return '\t';
  if (along > spaceGap * size) return ' ';
  return '';
}

function sameDirection(previous: PageGlyph, glyph: PageGlyph, ux: number, uy: number): boolean {
  const dirX = glyph.endX - glyph.x;
  const dirY = glyph.endY - glyph.y;
  const norm = Math.hypot(dirX, dirY);
  if (norm <= 1e-6 || Math.hypot(previous.endX - previous.x, previous.endY - previous.y) <= 1e-6) return true;
  return (dirX * ux + dirY * uy) / norm > 0.95;
}
