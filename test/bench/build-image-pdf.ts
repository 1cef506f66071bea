import { buildPdf } from '../support/documents/build-pdf.ts';
import type { Block } from '../support/documents/document-spec.ts';
import { greyPng } from '../support/documents/png.ts';
import { paragraph, seededRandom } from './thesis-prose.ts';

// Figures are noise, so deflate cannot shrink them and the file reaches the size asked for.
const FIGURE_SIDE = 600;
const FIGURE_BYTES = FIGURE_SIDE * FIGURE_SIDE;

/**
 * An A4 PDF of about `bytes` bytes made of pages that each carry a heading, a paragraph of prose and a
 * full-width greyscale figure (a different one per page): the shape of a figure-heavy thesis or a scan
 * with a text layer.
 */
export async function buildImagePdf(bytes: number): Promise<{ content: Buffer; pages: number }> {
  const pages = Math.max(1, Math.ceil(bytes / FIGURE_BYTES));
  const random = seededRandom(7);
  const blocks: Block[] = [];
  const figures: Buffer[] = [];
  for (let page = 0; page < pages; page += 1) {
    blocks.push({ text: `Figure ${page + 1}`, style: 'heading', pageBreak: page > 0 });
    blocks.push({ text: paragraph(random, 3) });
    figures.push(greyPng(FIGURE_SIDE, FIGURE_SIDE, () => Math.floor(random() * 256)));
  }
  const content = await buildPdf({ blocks }, { figure: (page) => figures[page] });
  return { content, pages };
}
