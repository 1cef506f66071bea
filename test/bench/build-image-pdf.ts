import PDFDocument from 'pdfkit';
import { greyPng } from '../support/documents/png.ts';
import { paragraph, seededRandom } from './thesis-prose.ts';

// Figures are noise, so deflate cannot shrink them and the file reaches the size asked for.
const FIGURE_SIDE = 600;
const FIGURE_BYTES = FIGURE_SIDE * FIGURE_SIDE;

/**
 * An A4 PDF of about `bytes` bytes made of pages that each carry a heading, a paragraph of prose and a
 * full-width greyscale figure (a different one per page): the shape of a figure-heavy thesis or a scan
 * with a text layer. Built with pdfkit directly, as the spec builders draw no figures.
 */
export async function buildImagePdf(bytes: number): Promise<{ content: Buffer; pages: number }> {
  const pages = Math.max(1, Math.ceil(bytes / FIGURE_BYTES));
  const random = seededRandom(7);
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let page = 0; page < pages; page += 1) {
    if (page > 0) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(`Figure ${page + 1}`, 50, 50);
    doc.font('Helvetica').fontSize(11).text(paragraph(random, 3), 50, 75, { width: 495 });
    const figure = greyPng(FIGURE_SIDE, FIGURE_SIDE, () => Math.floor(random() * 256));
    doc.image(figure, 50, 160, { width: 495 });
  }
  doc.end();
  await ended;
  return { content: Buffer.concat(chunks), pages };
}
