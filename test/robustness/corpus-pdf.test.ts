import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionPool } from '../../src/documents/extraction-pool.ts';
import type { ExtractedText, ExtractionStatus } from '../../src/documents/extraction.ts';
import { TEST_LIMITS } from '../support/documents/sample-specs.ts';

// Hostile PDFs from pdf.js's test suite, shared next to the checkout (see its SOURCES.md); read in place.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = resolve(REPO_ROOT, '../shared/corpus/pdf');
const EXISTS = existsSync(CORPUS);
const TIME_LIMIT_SECONDS = 10;

/** Statuses a PDF may end in; `scan`/`unsupported` would mean it was not even taken for a PDF. */
const PDF_STATUSES: ExtractionStatus[] = [
  'ok',
  'empty',
  'encrypted',
  'corrupt',
  'too-large',
  'timeout',
  'failed',
];

const files = EXISTS
  ? readdirSync(CORPUS)
      .filter((name) => name.toLowerCase().endsWith('.pdf'))
      .sort()
  : [];
const table: { file: string; status: string; pages: number | null; reason: string }[] = [];
let pool: ExtractionPool | null = null;

/** Reads one corpus PDF through the (shared, lazily started) pool, with a short time limit. */
async function extractCorpusPdf(file: string): Promise<ExtractedText> {
  pool ??= new ExtractionPool({
    ...TEST_LIMITS,
    timeoutSeconds: TIME_LIMIT_SECONDS,
    memoryMb: 256,
    threads: 2,
  });
  const content = await readFile(join(CORPUS, file));
  return pool.extract(content, { filename: file, contentType: 'application/pdf' });
}

describe.skipIf(!EXISTS)('hostile PDF corpus', () => {
  afterAll(async () => {
    await pool?.close();
    if (table.length > 0) console.table(table);
  });

  it.each(files)('%s ends in a status, never an error or a hang', async (file) => {
    const result = await extractCorpusPdf(file);
    table.push({ file, status: result.status, pages: result.pages, reason: result.reason ?? '' });
    expect(result.format).toBe('pdf');
    expect(PDF_STATUSES).toContain(result.status);
    expect(result.text.length).toBeLessThanOrEqual(TEST_LIMITS.maxTextChars);
  });

  it.skipIf(!files.includes('issue6010_1.pdf'))(
    'knows a password-protected PDF from a damaged one',
    async () => {
      const statusOf = async (file: string): Promise<ExtractionStatus> =>
        (await extractCorpusPdf(file)).status;
      expect(await statusOf('issue6010_1.pdf')).toBe('encrypted');
      expect(await statusOf('saslprep-r6.pdf')).toBe('encrypted');
      expect(await statusOf('poppler-937-0-fuzzed.pdf')).toBe('corrupt');
      expect(await statusOf('bomb_giant.pdf')).toBe('ok'); // images are never decoded: the JBIG2 bomb is inert
    },
  );
});
