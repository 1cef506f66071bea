import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/documents/extract/extract-document.ts';
import { EXTRACTION_STATUSES, type ExtractionHint } from '../../../../src/documents/extraction.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import { corruptPdf, zipBomb } from '../../../support/documents/hostile-documents.ts';
import { tinyPng } from '../../../support/documents/png.ts';
import { cvWithTricks, manyPages, TEST_LIMITS } from '../../../support/documents/sample-specs.ts';

const hint = (filename: string | null, contentType = 'application/octet-stream'): ExtractionHint => ({
  filename,
  contentType,
});

describe('extractDocument', () => {
  it.each(['pdf', 'docx', 'odt', 'rtf', 'html', 'txt'] as const)(
    'reads a %s CV by its bytes',
    async (fixture) => {
      const result = await extractDocument(
        await buildDocument(cvWithTricks, fixture),
        hint('download'),
        TEST_LIMITS,
      );
      expect(result.status).toBe('ok');
      expect(result.format).toBe(fixture === 'txt' ? 'text' : fixture);
      expect(result.text).toContain('José Núñez');
      expect(result.text).toContain('Python, PyTorch and statistics.');
    },
  );

  it('records an image as a scan, whatever its name says', async () => {
    const result = await extractDocument(tinyPng(), hint('CV.pdf', 'application/pdf'), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'scan', format: 'image', reason: 'image file; no OCR', text: '' });
  });

  it('does not read a document over maxBytes', async () => {
    const pdf = await buildDocument(cvWithTricks, 'pdf');
    const result = await extractDocument(pdf, hint('cv.pdf'), { ...TEST_LIMITS, maxBytes: pdf.length - 1 });
    expect(result).toMatchObject({ status: 'too-large', format: 'pdf', text: '' });
    expect(result.reason).toContain(String(pdf.length));
  });

  it('cuts text at maxTextChars and marks it truncated', async () => {
    const docx = await buildDocument(manyPages(40), 'docx');
    const result = await extractDocument(docx, hint('long.docx'), { ...TEST_LIMITS, maxTextChars: 1000 });
    expect(result).toMatchObject({ status: 'ok', truncated: true });
    expect(result.text).toHaveLength(1000);
    expect(result.text.startsWith('Page 1\nLine 1 of page 1')).toBe(true);
  });

  it('refuses a zip bomb as too-large', async () => {
    const result = await extractDocument(zipBomb('lying'), hint('cv.docx'), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'too-large', format: 'docx' });
  });

  it('calls unknown binary data unsupported and a 0-byte file empty', async () => {
    const binary = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 31) % 256));
    expect(await extractDocument(binary, hint('data.bin'), TEST_LIMITS)).toMatchObject({
      status: 'unsupported',
      format: 'unknown',
    });
    expect(await extractDocument(Buffer.alloc(0), hint('cv.pdf'), TEST_LIMITS)).toMatchObject({
      status: 'empty',
    });
  });

  it('never throws: damaged bytes under every declared type give a status', async () => {
    const damaged = [
      await corruptPdf(),
      Buffer.from('PK\u0003\u0004word/document.xml'),
      Buffer.from('{\\rtf1 {{{'),
    ];
    const types = ['application/pdf', 'application/msword', 'application/rtf', 'text/html', 'text/plain'];
    for (const bytes of damaged) {
      for (const contentType of types) {
        const result = await extractDocument(bytes, hint(null, contentType), TEST_LIMITS);
        expect(EXTRACTION_STATUSES).toContain(result.status);
      }
    }
  });
});
