import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractionReaderSetup } from './bench-readers.ts';

/** One reader of the side-by-side comparison: ours (two ways) or another extractor behind the same pool. */
export interface SideReader {
  name: string;
  setup: ExtractionReaderSetup;
}

/** Ours as the daemon reads (hidden text found), and without the hidden-text analysis. */
export const OURS = 'ours';
export const OURS_PLAIN = 'ours, no hidden-text analysis';

/**
 * The readers compared, and a note on each other extractor: its version, or why it is left out. pdftotext is
 * a program of the machine (Debian's poppler-utils), so it may be missing; pdf2json is a devDependency.
 */
export function sideBySideReaders(): { readers: SideReader[]; notes: string[] } {
  const readers: SideReader[] = [
    { name: OURS, setup: {} },
    { name: OURS_PLAIN, setup: { options: { findHiddenText: false } } },
  ];
  const notes: string[] = [];
  const poppler = pdftotextVersion();
  if (poppler === null) {
    notes.push(
      'pdftotext was not found on this machine (Debian: apt-get install poppler-utils): its rows are left out.',
    );
  } else {
    readers.push({ name: 'pdftotext', setup: { workerFile: worker('pdftotext') } });
    notes.push(
      `pdftotext: ${poppler} (poppler, C++), one pdftotext process per document, the PDF on its stdin.`,
    );
  }
  readers.push({ name: 'pdf2json', setup: { workerFile: worker('pdf2json') } });
  notes.push(
    `pdf2json ${pdf2jsonVersion()}: JavaScript, its own fork of an early pdf.js (not the pdf.js 5 we use); it ` +
      'always builds its JSON of text positions, lines and fills, and its raw text is taken from that.',
  );
  return { readers, notes };
}

function worker(name: string): URL {
  return new URL(`./extraction-${name}-worker.ts`, import.meta.url);
}

/** "pdftotext version 22.12.0", or null when there is no pdftotext to run. */
function pdftotextVersion(): string | null {
  const run = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (run.error !== undefined) return null;
  return `${run.stderr}${run.stdout}`.split('\n')[0]?.trim() || 'pdftotext (version unknown)';
}

// Read from its package.json rather than by loading pdf2json into the benchmark process, whose memory is measured.
function pdf2jsonVersion(): string {
  const entry = createRequire(import.meta.url).resolve('pdf2json');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return String(manifest.version);
}
