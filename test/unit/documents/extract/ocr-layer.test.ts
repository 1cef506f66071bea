import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/documents/extract/extract-document.ts';
import { isOcrLayer } from '../../../../src/documents/extract/pdf/page-text.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import { HIDDEN_WORDS, TEST_LIMITS, cvWithTricks } from '../../../support/documents/sample-specs.ts';
import {
  cvPdf,
  OCR_INSTALLED,
  rasterise,
  SCANNED_CV_WORDS,
  stuffedOverImagePdf,
  tesseractPdf,
} from '../../../support/documents/scans.ts';

const PDF = { filename: 'CV.pdf', contentType: 'application/pdf' };

describe('isOcrLayer: invisible text is a scan’s text only on a page that is mostly image and shows no text', () => {
  it('a full-page image under invisible text and nothing visible: the layer', () => {
    expect(isOcrLayer({ imageCoverage: 1, visibleCharacters: 0, layerCharacters: 900 })).toBe(true);
    // A page number stamped visibly on a scan does not make it a text page.
    expect(isOcrLayer({ imageCoverage: 0.98, visibleCharacters: 6, layerCharacters: 900 })).toBe(true);
  });

  it('invisible words over a visible text layer, or on a page without a large image: hidden text', () => {
    expect(isOcrLayer({ imageCoverage: 1, visibleCharacters: 800, layerCharacters: 60 })).toBe(false);
    expect(isOcrLayer({ imageCoverage: 0.2, visibleCharacters: 0, layerCharacters: 900 })).toBe(false);
    expect(isOcrLayer({ imageCoverage: 0, visibleCharacters: 0, layerCharacters: 40 })).toBe(false);
  });
});

describe.skipIf(!OCR_INSTALLED)('a scan with an OCR layer, and keyword stuffing, on real PDFs', () => {
  let scan: Buffer;
  beforeAll(async () => {
    scan = rasterise(await cvPdf(), 'png', 150);
  });

  it('tesseract-ocr-layer: the PDF Tesseract writes for a scanned CV is read as its text, not as hidden text', async () => {
    // OCR is off here: the text comes from the layer Tesseract drew, not from reading the image again.
    const result = await extractDocument(tesseractPdf(scan), PDF, TEST_LIMITS);
    expect(result).toMatchObject({ status: 'ok', textSource: 'ocr-layer', ocrPages: 1, hiddenReasons: [] });
    for (const words of SCANNED_CV_WORDS) expect(result.text).toContain(words);
  });

  it('stuffing-over-image: invisible keywords over a visible CV on a full-page background stay hidden', async () => {
    const visible = 'Eleanor Hughes. Education: BSc Computer Science, University of Leeds. Skills: Python.';
    const pdf = await stuffedOverImagePdf(scan, visible, 'PyTorch TensorFlow segmentation Nobel laureate');
    const result = await extractDocument(pdf, PDF, TEST_LIMITS);
    expect(result.status).toBe('ok');
    expect(result.textSource).toBeUndefined();
    expect(result.text).toContain('University of Leeds');
    expect(result.text).not.toContain('Nobel');
    expect(result.hiddenReasons).toEqual(['invisible-render-mode']);
    expect(result.hiddenText).toContain('PyTorch TensorFlow segmentation');
  });

  it('stuffing-without-image: render-mode-3 words in an ordinary CV stay hidden', async () => {
    const result = await extractDocument(await buildDocument(cvWithTricks, 'pdf'), PDF, TEST_LIMITS);
    expect(result.textSource).toBeUndefined();
    expect(result.text).not.toContain(HIDDEN_WORDS.vanish);
    expect(result.hiddenText).toContain(HIDDEN_WORDS.vanish);
    expect(result.hiddenReasons).toContain('invisible-render-mode');
  });
});
