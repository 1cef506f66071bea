import { spawnSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import type { OcrConfig } from '../../../src/config/ocr-schema.ts';
import { CVS_A } from '../../accuracy/labelled/cvs-a.ts';
import { buildDocument } from './build-document.ts';

/** Whether this machine has the OCR programs (.ci/ocr-install.sh installs them): tesseract and pdftoppm. */
export const OCR_INSTALLED = ['tesseract', 'pdftoppm'].every(
  (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0,
);

/** OCR as the tests run it: English only (fast), at 150 dpi, with the default limits. */
export const TEST_OCR: OcrConfig = {
  enabled: true,
  languages: ['eng'],
  maxPages: 10,
  timeoutSeconds: 60,
  dpi: 150,
  memoryMb: 512,
};

/** Words the scanned CV shows, for asserting what OCR read. */
export const SCANNED_CV_WORDS = ['Eleanor Hughes', 'Education', 'University of Leeds', 'PyTorch'];

/** The CV every scan here shows: a British one-page CV (test/accuracy/labelled/cvs-a.ts), rendered by pdfkit. */
export async function cvPdf(): Promise<Buffer> {
  const cv = CVS_A.find((document) => document.id === 'cv-uk-one-column');
  if (cv === undefined) throw new Error('no cv-uk-one-column in CVS_A');
  return buildDocument(cv.spec, 'pdf');
}

/** Runs a real tool on `input`; its standard output (throws with its error output when it fails). */
export function runTool(command: string, args: readonly string[], input?: Buffer): Buffer {
  const run = spawnSync(command, args, {
    input,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr.toString('utf8').slice(-500)}`);
  return run.stdout;
}

/** Page `page` of a PDF as a greyscale scan, rasterised by poppler's pdftoppm (`png` or `jpeg`). */
export function rasterise(pdf: Buffer, format: 'png' | 'jpeg' = 'png', dpi = 150, page = 1): Buffer {
  return runTool(
    'pdftoppm',
    ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', `-${format}`, '-'],
    pdf,
  );
}

/** What Tesseract itself writes for a scan (`tesseract page.png out pdf`): the image, and its OCR layer invisibly over it. */
export function tesseractPdf(image: Buffer): Buffer {
  return runTool('tesseract', ['stdin', 'stdout', '-l', 'eng', 'pdf'], image);
}

/** A PDF whose pages are only images (a scan without a text layer), one page per image, each filling an A4 page. */
export function imageOnlyPdf(images: readonly Buffer[]): Promise<Buffer> {
  return drawPdf((doc) => {
    images.forEach((image, index) => {
      if (index > 0) doc.addPage();
      doc.image(image, 0, 0, { width: doc.page.width, height: doc.page.height });
    });
  });
}

/**
 * Keyword stuffing over a designed CV: a full-page background image, a visible text layer, and words drawn
 * invisibly (render mode 3) that the visible text does not show.
 */
export function stuffedOverImagePdf(background: Buffer, visible: string, stuffed: string): Promise<Buffer> {
  return drawPdf((doc) => {
    doc.image(background, 0, 0, { width: doc.page.width, height: doc.page.height });
    doc.font('Helvetica').fontSize(12).text(visible, 60, 80, { width: 470 });
    doc.addContent('3 Tr');
    doc.text(stuffed, 60, 600, { width: 470 });
    doc.addContent('0 Tr');
  });
}

async function drawPdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
