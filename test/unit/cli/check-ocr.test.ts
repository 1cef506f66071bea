import { describe, expect, it } from 'vitest';
import { checkOcr, ocrLine } from '../../../src/cli/check-ocr.ts';
import { ocrSchema } from '../../../src/config/ocr-schema.ts';
import type { OcrTools } from '../../../src/documents/ocr/ocr-tools.ts';
import { OCR_INSTALLED } from '../../support/documents/scans.ts';

const DEFAULTS = ocrSchema.parse({});
const ALL: OcrTools = {
  tesseract: '5.3.0',
  pdftoppm: '22.12.0',
  languages: ['chi_sim', 'deu', 'eng', 'fra', 'ita', 'por', 'spa'],
};

describe('check: the ocr line', () => {
  it('available: versions, the languages read, what is installed, the limits', () => {
    const line = ocrLine(DEFAULTS, ALL);
    expect(line).toMatchObject({ ok: true, name: 'ocr' });
    expect(line.warning).toBeUndefined();
    expect(line.detail).toBe(
      'tesseract 5.3.0, pdftoppm 22.12.0; reading eng+deu+fra+ita+spa+por+chi_sim ' +
        '(installed: chi_sim+deu+eng+fra+ita+por+spa); at most 10 pages and 120 s per document, 200 dpi',
    );
  });

  it('enabled but a program missing: a warning, not a failure', () => {
    const line = ocrLine(DEFAULTS, { ...ALL, tesseract: null, languages: [] });
    expect(line).toMatchObject({ ok: true, warning: true });
    expect(line.detail).toMatch(
      /^enabled but tesseract \(tesseract-ocr\) not found: scans are recorded unread/,
    );
  });

  it('some configured languages not installed: a warning naming them', () => {
    const line = ocrLine(DEFAULTS, { ...ALL, languages: ['eng', 'deu'] });
    expect(line).toMatchObject({ ok: true, warning: true });
    expect(line.detail).toMatch(/reading eng\+deu .*not installed, left out: fra\+ita\+spa\+por\+chi_sim/);
  });

  it('off: said so, and nothing is asked of the system', async () => {
    const line = await checkOcr({ ...DEFAULTS, enabled: false }, () => {
      throw new Error('probed while off');
    });
    expect(line).toMatchObject({ ok: true, name: 'ocr' });
    expect(line.detail).toMatch(/^off/);
  });

  it.skipIf(!OCR_INSTALLED)('this machine: the installed programs answer with their versions', async () => {
    const line = await checkOcr(DEFAULTS);
    expect(line.detail).toMatch(/^tesseract \d+\.\d+\.\d+, pdftoppm \d+\.\d+\.\d+; reading eng/);
  });
});
