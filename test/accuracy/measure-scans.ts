// Measures reading scans on the real-world corpus of test/corpus/scans.json (files in the corpus cache; see
// test/corpus/SOURCES.md): whether each document's text comes from where it should (a scan's OCR layer, OCR, or
// the document's own text) and whether OCR reads the words it shows. Run: npm exec -- node test/accuracy/measure-scans.ts
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ocrSchema } from '../../src/config/ocr-schema.ts';
import { extractDocument } from '../../src/documents/extract/extract-document.ts';
import type { ExtractedText } from '../../src/documents/extraction.ts';
import { TEST_LIMITS } from '../support/documents/sample-specs.ts';
import { runTool } from '../support/documents/scans.ts';
import { corpusDir } from '../support/corpus-dir.ts';

interface Entry {
  file: string;
  path: string;
  sha256: string;
  label: 'ocr-layer' | 'image-only' | 'text' | 'image';
  split: 'dev' | 'held-out';
  words?: string;
}

const CORPUS = join(corpusDir(), 'scans');
const OCR = ocrSchema.parse({});

function right(entry: Pick<Entry, 'label' | 'words'>, result: ExtractedText): boolean {
  const expected = { 'ocr-layer': 'ocr-layer', 'image-only': 'ocr', image: 'ocr', text: undefined }[
    entry.label
  ];
  if (result.status !== 'ok' || result.textSource !== expected) return false;
  if (entry.words !== undefined) return result.text.includes(entry.words);
  return (result.text.match(/\p{L}/gu)?.length ?? 0) >= 20;
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`skipped: no scans corpus at ${CORPUS}`);
    return;
  }
  const entries = JSON.parse(
    await readFile(new URL('../corpus/scans.json', import.meta.url), 'utf8'),
  ) as Entry[];
  const tally = new Map<string, { right: number; all: number }>();
  const count = (key: string, ok: boolean) => {
    const seen = tally.get(key) ?? { right: 0, all: 0 };
    tally.set(key, { right: seen.right + (ok ? 1 : 0), all: seen.all + 1 });
  };
  for (const entry of entries) {
    const bytes = await readFile(join(CORPUS, entry.file));
    if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
      throw new Error(`${entry.file}: sha256 differs`);
    const hint = { filename: entry.file, contentType: 'application/octet-stream' };
    const started = Date.now();
    const result = await extractDocument(bytes, hint, { ...TEST_LIMITS, ocr: OCR });
    const ok = right(entry, result);
    count(`${entry.split} ${entry.label}`, ok);
    console.log(
      `${ok ? 'right' : 'WRONG'}  ${entry.split.padEnd(8)} ${entry.label.padEnd(10)} ${entry.file}: ${result.status}, ` +
        `${result.textSource ?? 'own text'}, ${result.text.length} chars, ${Date.now() - started} ms`,
    );
    if (entry.label === 'image') {
      // What Tesseract itself makes of the scan (`tesseract scan.png out pdf`): a scan with an OCR layer.
      const layered = await extractDocument(
        runTool('tesseract', ['stdin', 'stdout', 'pdf'], bytes),
        hint,
        TEST_LIMITS,
      );
      const layerOk = right({ ...entry, label: 'ocr-layer' }, layered);
      count(`${entry.split} ocr-layer (tesseract's pdf)`, layerOk);
      console.log(
        `${layerOk ? 'right' : 'WRONG'}  ${entry.split.padEnd(8)} tesseract pdf of ${entry.file}: ${layered.textSource ?? 'own text'}`,
      );
    }
  }
  for (const split of ['dev', 'held-out']) {
    const rows = [...tally].filter(([key]) => key.startsWith(split));
    const right = rows.reduce((sum, [, value]) => sum + value.right, 0);
    const all = rows.reduce((sum, [, value]) => sum + value.all, 0);
    console.log(
      `${split}: ${right}/${all} right (${rows.map(([key, value]) => `${key.slice(split.length + 1)} ${value.right}/${value.all}`).join(', ')})`,
    );
  }
}

await main();
