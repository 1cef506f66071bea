import { beforeAll, describe, expect, it } from 'vitest';
import type { OcrConfig } from '../../../../src/config/ocr-schema.ts';
import { extractDocument } from '../../../../src/documents/extract/extract-document.ts';
import type { ExtractedText } from '../../../../src/documents/extraction.ts';
import { pageDpi } from '../../../../src/documents/ocr/ocr-session.ts';
import { TEST_LIMITS } from '../../../support/documents/sample-specs.ts';
import {
  cvPdf,
  imageOnlyPdf,
  OCR_INSTALLED,
  rasterise,
  SCANNED_CV_WORDS,
  TEST_OCR,
} from '../../../support/documents/scans.ts';

const OCR: OcrConfig = TEST_OCR;
const LIMITS = { ...TEST_LIMITS, ocr: OCR };
const PDF = { filename: 'Scan_0001.pdf', contentType: 'application/pdf' };

describe('pageDpi: a page is rasterised at the configured resolution, lower for a huge page', () => {
  it('A4 at 200 dpi stays 200; a 5 m square page is brought under 40 megapixels', () => {
    expect(pageDpi(200, 595, 842)).toBe(200);
    const dpi = pageDpi(200, 14_173, 14_173);
    expect(dpi).toBeLessThan(200);
    expect(((14_173 / 72) * dpi) ** 2).toBeLessThanOrEqual(40_000_000);
  });
});

describe.skipIf(!OCR_INSTALLED)('scans read by Tesseract (real tesseract and pdftoppm)', () => {
  let png: Buffer;
  let jpeg: Buffer;
  let scanPdf: Buffer;
  let onePage: ExtractedText;
  beforeAll(async () => {
    const cv = await cvPdf();
    png = rasterise(cv, 'png', 150);
    jpeg = rasterise(cv, 'jpeg', 150);
    scanPdf = await imageOnlyPdf([png]);
    onePage = await extractDocument(scanPdf, PDF, LIMITS);
  });

  it('image-only-pdf: a scanned page without a text layer is read by OCR and marked so', () => {
    const result = onePage;
    expect(result).toMatchObject({ status: 'ok', format: 'pdf', pages: 1, textSource: 'ocr', ocrPages: 1 });
    for (const words of SCANNED_CV_WORDS) expect(result.text).toContain(words);
  });

  it.each([
    ['CV.png', 'image/png', () => png],
    ['CV scan.jpg', 'image/jpeg', () => jpeg],
  ])('image-attachment: %s is read by OCR', async (filename, contentType, image) => {
    const result = await extractDocument(image(), { filename, contentType }, LIMITS);
    expect(result).toMatchObject({ status: 'ok', format: 'image', textSource: 'ocr', ocrPages: 1 });
    for (const words of SCANNED_CV_WORDS) expect(result.text).toContain(words);
  });

  it('ocr-off: with OCR disabled an image is a scan and a scanned PDF is empty, as before OCR', async () => {
    const off = { ...TEST_LIMITS, ocr: { ...OCR, enabled: false } };
    const image = await extractDocument(png, { filename: 'CV.png', contentType: 'image/png' }, off);
    expect(image).toMatchObject({ status: 'scan', text: '' });
    expect(image.reason).toMatch(/enabled is false/);
    const pdf = await extractDocument(scanPdf, PDF, off);
    expect(pdf.status).toBe('empty');
    expect(pdf.reason).toMatch(/no text layer.*no OCR/);
    expect(pdf.textSource).toBeUndefined();
  });

  it('ocr-page-limit: pages past maxPages are not read, and the text is marked truncated', async () => {
    const threePages = await imageOnlyPdf([png, png, png]);
    const result = await extractDocument(threePages, PDF, { ...TEST_LIMITS, ocr: { ...OCR, maxPages: 2 } });
    expect(result).toMatchObject({ status: 'ok', pages: 3, textSource: 'ocr', ocrPages: 2, truncated: true });
    const perPage = onePage.text.match(/Leeds/g)?.length ?? 0;
    expect(perPage).toBeGreaterThan(0);
    expect(result.text.match(/Leeds/g)).toHaveLength(2 * perPage);
  });

  it('ocr-timeout: OCR over its time is stopped and the document is unreadable with the reason', async () => {
    const slow = { ...OCR, timeoutSeconds: 1, languages: ['eng', 'deu', 'fra', 'chi_sim'], dpi: 300 };
    const twoPages = await imageOnlyPdf([png, png]);
    const started = Date.now();
    const result = await extractDocument(twoPages, PDF, { ...TEST_LIMITS, ocr: slow });
    expect(result).toMatchObject({
      status: 'timeout',
      text: '',
      reason: 'OCR took over 1 s and was stopped',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('ocr-memory: a Tesseract that cannot get its memory fails the document with a reason, nothing else', async () => {
    const starved = { ...OCR, memoryMb: 64 };
    const result = await extractDocument(
      png,
      { filename: 'CV.png', contentType: 'image/png' },
      { ...TEST_LIMITS, ocr: starved },
    );
    expect(result).toMatchObject({ status: 'failed', text: '' });
    expect(result.reason).toMatch(/^OCR failed: /);
  });
});
