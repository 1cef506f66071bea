import PDFDocument from 'pdfkit';
import type { Block, BuildOptions, DocumentSpec } from './document-spec.ts';
import { scanPng } from './png.ts';

const MARGIN = 50;
const PAGE_WIDTH = 595.28;
const GUTTER = 30;

const FONTS: Record<string, { font: string; size: number }> = {
  title: { font: 'Helvetica-Bold', size: 20 },
  heading: { font: 'Helvetica-Bold', size: 14 },
  'hidden-tiny': { font: 'Helvetica', size: 0.5 },
};

/**
 * Renders a spec as an A4 PDF with pdfkit's standard Helvetica (WinAnsi: Latin-1 text only). Blocks are drawn
 * in spec order, so a two-column page's content stream holds the left column, then the right; a figure, if
 * given, goes under each page's blocks. Hidden styles: white fill, 0.5 pt, placed left of the page, and
 * `hidden-vanish` as render mode 3 (invisible).
 */
export async function buildPdf(spec: DocumentSpec, options: BuildOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: spec.title === undefined ? {} : { Title: spec.title },
    ...(options.password === undefined
      ? {}
      : {
          userPassword: options.password,
          ownerPassword: `${options.password}-owner`,
          pdfVersion: '1.7' as const,
        }),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  if (options.scanned === true) drawScan(doc, spec);
  else drawBlocks(doc, spec, options);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawScan(doc: PDFKit.PDFDocument, spec: DocumentSpec): void {
  const pages = 1 + spec.blocks.filter((block, index) => index > 0 && block.pageBreak === true).length;
  for (let page = 0; page < pages; page += 1) {
    if (page > 0) doc.addPage();
    doc.image(scanPng(), MARGIN, MARGIN, { width: PAGE_WIDTH - 2 * MARGIN });
  }
}

function drawBlocks(doc: PDFKit.PDFDocument, spec: DocumentSpec, options: BuildOptions): void {
  const twoColumns = spec.columns === 2;
  const columnWidth = twoColumns ? (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2 : PAGE_WIDTH - 2 * MARGIN;
  const bodySize = options.bodySize ?? 11;
  let tops = [MARGIN, MARGIN];
  let page = 0;
  spec.blocks.forEach((block, index) => {
    if (block.pageBreak === true && index > 0) {
      drawFigure(doc, options.figure?.(page), tops);
      doc.addPage();
      page += 1;
      tops = [MARGIN, MARGIN];
    }
    const column = twoColumns && block.column === 2 ? 1 : 0;
    const x = MARGIN + column * (columnWidth + GUTTER);
    tops[column] = drawBlock(doc, block, { x, y: tops[column] ?? MARGIN, width: columnWidth, bodySize }) + 6;
  });
  drawFigure(doc, options.figure?.(page), tops);
}

function drawFigure(doc: PDFKit.PDFDocument, png: Buffer | undefined, tops: number[]): void {
  if (png !== undefined) doc.image(png, MARGIN, Math.max(...tops), { width: PAGE_WIDTH - 2 * MARGIN });
}

/** Where a block goes: its top left corner, its width and the size of body text. */
interface Placement {
  x: number;
  y: number;
  width: number;
  bodySize: number;
}

/** Draws one block; returns where the next block in its column starts. */
function drawBlock(doc: PDFKit.PDFDocument, block: Block, { x, y, width, bodySize }: Placement): number {
  const style = block.style ?? 'body';
  const { font, size } = FONTS[style] ?? { font: 'Helvetica', size: bodySize };
  doc
    .font(font)
    .fontSize(size)
    .fillColor(style === 'hidden-white' ? '#ffffff' : '#000000');
  if (block.table !== undefined) return drawTable(doc, block.table, x, y, width);
  if (style === 'hidden-offpage') {
    doc.text(block.text, -PAGE_WIDTH, y, { width: 400, lineBreak: false });
    return y;
  }
  if (style === 'hidden-vanish') doc.addContent('3 Tr');
  doc.text(block.text, x, y, { width });
  if (style === 'hidden-vanish') doc.addContent('0 Tr');
  doc.fillColor('#000000');
  return style === 'hidden-tiny' ? y + 2 : doc.y;
}

function drawTable(doc: PDFKit.PDFDocument, rows: string[][], x: number, y: number, width: number): number {
  let top = y;
  for (const row of rows) {
    const cellWidth = width / Math.max(row.length, 1);
    row.forEach((cell, index) => {
      doc.text(cell, x + index * cellWidth, top, { width: cellWidth - 8, lineBreak: false });
    });
    top += 16;
  }
  return top;
}
