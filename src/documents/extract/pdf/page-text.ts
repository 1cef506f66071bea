import type { HiddenTextReason } from '../../extraction.ts';
import type { TextCollector } from '../text-collector.ts';
import { GlyphLines } from './glyph-lines.ts';
import type { Box } from './matrix.ts';
import type { PageGlyph } from './show-text.ts';

/** Images covering at least this share of a page make it a scan (scanners' pages are one image, or strips). */
export const SCAN_IMAGE_COVERAGE = 0.5;
/** A scan's page shows (nearly) no text of its own: at most this many characters, or this share of its layer's. */
const SCAN_VISIBLE_CHARACTERS = 20;
const SCAN_VISIBLE_SHARE = 0.05;

/** What a page showed, for deciding how its text is read. */
export interface PageFacts {
  /** Share of the page that images cover (0–1; overlapping images count twice, capped at 1). */
  imageCoverage: number;
  /** Non-blank characters drawn visibly. */
  visibleCharacters: number;
  /** Non-blank characters drawn invisibly (render mode 3 or transparent) and for no other reason. */
  layerCharacters: number;
}

/**
 * Whether a page's invisible text is a scan's OCR text layer, and so the page's text: the page is mostly image
 * (SCAN_IMAGE_COVERAGE) and shows (nearly) no text of its own. Invisible text over a page that shows text is
 * hidden text (keyword stuffing), as is white, microscopic or off-page text on any page. Pure.
 */
export function isOcrLayer(page: PageFacts): boolean {
  if (page.layerCharacters === 0 || page.imageCoverage < SCAN_IMAGE_COVERAGE) return false;
  const allowed = Math.max(SCAN_VISIBLE_CHARACTERS, page.layerCharacters * SCAN_VISIBLE_SHARE);
  return page.visibleCharacters <= allowed;
}

/** How a page's text was read. */
export type PageSource = 'text' | 'ocr-layer' | 'none';

/**
 * Sorts one page's glyphs as they are drawn — visible, invisible only (a possible OCR layer), otherwise hidden —
 * and its images, then writes the page to a collector once it is decided whether the invisible text is a layer.
 */
export class PageText {
  readonly #view: Box;
  readonly #visible = new GlyphLines();
  readonly #layer = new GlyphLines();
  readonly #hidden = new GlyphLines();
  readonly #otherHidden = new GlyphLines();
  readonly #layerReasons = new Set<HiddenTextReason>();
  readonly #otherReasons = new Set<HiddenTextReason>();
  #imageArea = 0;
  #visibleCharacters = 0;
  #layerCharacters = 0;

  constructor(view: Box) {
    this.#view = view;
  }

  addGlyph(glyph: PageGlyph): void {
    if (glyph.hidden.length === 0) {
      this.#visible.add(glyph);
      this.#visibleCharacters += glyph.text.trim().length;
      return;
    }
    this.#hidden.add(glyph);
    const layer = glyph.hidden.length === 1 && glyph.hidden[0] === 'invisible-render-mode';
    const reasons = layer ? this.#layerReasons : this.#otherReasons;
    for (const reason of glyph.hidden) reasons.add(reason);
    if (layer) {
      this.#layer.add(glyph);
      this.#layerCharacters += glyph.text.trim().length;
    } else this.#otherHidden.add(glyph);
  }

  /** An image drawn into `box` (page space). */
  addImage(box: Box): void {
    const view = this.#view;
    const width = Math.min(box.x1, view.x1) - Math.max(box.x0, view.x0);
    const height = Math.min(box.y1, view.y1) - Math.max(box.y0, view.y0);
    if (width > 0 && height > 0) this.#imageArea += width * height;
  }

  get facts(): PageFacts {
    const area = (this.#view.x1 - this.#view.x0) * (this.#view.y1 - this.#view.y0);
    return {
      imageCoverage: area > 0 ? Math.min(1, this.#imageArea / area) : 0,
      visibleCharacters: this.#visibleCharacters,
      layerCharacters: this.#layerCharacters,
    };
  }

  /** Writes the page's text and hidden text; says where its text came from (`none`: it has none). */
  writeTo(collector: TextCollector): PageSource {
    const facts = this.facts;
    const layer = isOcrLayer(facts);
    if (layer) {
      collector.write(this.#visible.text());
      collector.separate('\n');
      collector.write(this.#layer.text());
      collector.write(this.#otherHidden.text(), [...this.#otherReasons]);
    } else {
      collector.write(this.#visible.text());
      collector.write(this.#hidden.text(), [...this.#layerReasons, ...this.#otherReasons]);
    }
    collector.separate('\n\n');
    if (layer) return 'ocr-layer';
    return facts.visibleCharacters > 0 ? 'text' : 'none';
  }
}
