import type { ExtractionConfig } from '../../src/config/schema.ts';
import type { DocumentKind } from '../../src/domain/document-kinds.ts';
import { DocumentPool } from '../../src/documents/document-pool.ts';
import { ExtractionPool } from '../../src/documents/extraction-pool.ts';
import type { ExtractionOptions } from '../../src/documents/extraction.ts';
import type { BenchDocument } from './bench-documents.ts';

/** `extract`: text only (ExtractionPool); `read`: text, kind and profile (DocumentPool, the daemon's reader). */
export type ReaderMode = 'extract' | 'read';

/** What reading one document gave, as far as the benchmark reports it. */
export interface DocumentOutcome {
  pages: number | null;
  characters: number;
  /** The kind decided (full reading only). */
  kind: DocumentKind | null;
}

/** One of the two pools behind one interface; a document not read `ok` fails the benchmark. */
export interface BenchReader {
  run(document: BenchDocument): Promise<DocumentOutcome>;
  close(): Promise<void>;
}

/** Generous limits: nothing in the benchmark should be cut short, only measured. */
export function benchConfig(threads: number, largestBytes: number, pages: number): ExtractionConfig {
  return {
    timeoutSeconds: 300,
    maxBytes: Math.max(64 * 1024 * 1024, 2 * largestBytes),
    maxPages: Math.max(1000, pages),
    maxTextChars: 100_000_000,
    maxUnzippedBytes: 1024 * 1024 * 1024,
    memoryMb: 2048,
    threads,
  };
}

// The vacancy and sender a full reading looks for (keywords and the applicant among a paper's authors).
const KEYWORDS = ['machine learning', 'probabilistic', 'PyTorch', 'graph neural network'];
const APPLICANT = 'Maria Rossi';

/** A pool of `config.threads` threads reading documents in `mode`. */
export function openReader(mode: ReaderMode, config: ExtractionConfig): BenchReader {
  if (mode === 'extract') return openExtractionReader(config);
  const pool = new DocumentPool(config);
  return {
    run: async (document) => {
      const { kind, reading } = await pool.read(document.content, {
        filename: document.filename,
        contentType: document.contentType,
        keywords: KEYWORDS,
        applicantName: APPLICANT,
      });
      const { status, reason, pages, characters } = reading.extraction;
      if (status !== 'ok') throw notRead(document, status, reason);
      return { pages, characters, kind };
    },
    close: () => pool.close(),
  };
}

/** How an extraction reader reads: another extractor's worker module behind the same pool, or our options. */
export interface ExtractionReaderSetup {
  workerFile?: URL;
  options?: ExtractionOptions;
}

/** An ExtractionPool of `config.threads` reading processes, text only. */
export function openExtractionReader(
  config: ExtractionConfig,
  setup: ExtractionReaderSetup = {},
): BenchReader {
  const pool = new ExtractionPool(
    config,
    setup.workerFile === undefined ? {} : { workerFile: setup.workerFile },
  );
  return {
    run: async (document) => {
      const hint = { filename: document.filename, contentType: document.contentType };
      const extraction = await pool.extract(document.content, hint, setup.options);
      if (extraction.status !== 'ok') throw notRead(document, extraction.status, extraction.reason);
      return { pages: extraction.pages, characters: extraction.text.length, kind: null };
    },
    close: () => pool.close(),
  };
}

function notRead(document: BenchDocument, status: string, reason: string | null): Error {
  return new Error(`${document.name} was not read: ${status}${reason === null ? '' : ` (${reason})`}`);
}
