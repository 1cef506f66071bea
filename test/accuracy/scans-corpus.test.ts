import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/documents/extract/extract-document.ts';
import { TEST_LIMITS } from '../support/documents/sample-specs.ts';
import { corpusDir } from '../support/corpus-dir.ts';

interface Entry {
  file: string;
  sha256: string;
  label: 'ocr-layer' | 'image-only' | 'text' | 'image';
  split: 'dev' | 'held-out';
}

const CORPUS = join(corpusDir(), 'scans');
const ENTRIES = JSON.parse(readFileSync(new URL('../corpus/scans.json', import.meta.url), 'utf8')) as Entry[];
const PDFS = ENTRIES.filter((entry) => entry.file.endsWith('.pdf'));

// Without OCR (TEST_LIMITS has no `ocr`): where each real PDF's text comes from is decided by the page alone. The
// OCR itself is measured by test/accuracy/measure-scans.ts.
describe.skipIf(!existsSync(CORPUS))(`the scans corpus (${CORPUS}): OCR layer, scan or text`, () => {
  it.each(PDFS.map((entry) => [entry.file, entry] as const))('%s', async (_file, entry) => {
    const bytes = readFileSync(join(CORPUS, entry.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    const result = await extractDocument(
      bytes,
      { filename: entry.file, contentType: 'application/pdf' },
      TEST_LIMITS,
    );
    if (entry.label === 'ocr-layer') {
      expect(result).toMatchObject({ status: 'ok', textSource: 'ocr-layer', hiddenReasons: [] });
    } else if (entry.label === 'image-only') {
      expect(result).toMatchObject({ status: 'empty', text: '', hiddenReasons: [] });
      expect(result.textSource).toBeUndefined();
    } else {
      expect(result.status).toBe('ok');
      expect(result.textSource).toBeUndefined();
    }
  });
});
