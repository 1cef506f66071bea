import { transformBox, type Box, type Matrix } from './matrix.ts';

const UNIT_SQUARE: Box = { x0: 0, y0: 0, x1: 1, y1: 1 };

/**
 * Finds where a page draws images without decoding them. pdf.js is opened with `maxImageSize: 0` (see open-pdf), so
 * it drops every image from the operator list; what stays of `q w 0 0 h x y cm /Im0 Do Q` is a saved state that is
 * transformed and restored with nothing drawn in between. An image maps the unit square, so that square under the
 * transformation at the restore is where it was. A state that draws anything (a path, text, a shading, a form, or
 * an image found inside it) is not one.
 */
export class ImageGroups {
  #drawn = 0;
  #open: { drawnAtSave: number; transformed: boolean }[] = [];

  save(): void {
    this.#open.push({ drawnAtSave: this.#drawn, transformed: false });
  }

  transform(): void {
    const top = this.#open.at(-1);
    if (top !== undefined) top.transformed = true;
  }

  /** Something visible was drawn. */
  draw(): void {
    this.#drawn += 1;
  }

  /** Restores a state; the box of the image it drew (under `ctm`, the transformation before restoring), if any. */
  restore(ctm: Matrix): Box | null {
    const group = this.#open.pop();
    if (group === undefined || !group.transformed || group.drawnAtSave !== this.#drawn) return null;
    this.#drawn += 1;
    return transformBox(ctm, UNIT_SQUARE);
  }
}
