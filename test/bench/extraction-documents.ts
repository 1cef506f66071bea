import { extractDocument } from '../../src/documents/extract/extract-document.ts';
import type { ExtractionLimits } from '../../src/documents/extraction.ts';
import type { BenchDocument } from './bench-documents.ts';
import type { BenchReader, DocumentOutcome } from './bench-readers.ts';
import type { Column, Figure } from './bench-table.ts';
import { median, progress, RssSampler, timed, watchEventLoop, type LoopDelay } from './measure.ts';

// A document read faster than this is read four more times and the median taken: one run is mostly noise.
const REPEAT_BELOW_MS = 250;
const REPEATS = 5;

export const DOCUMENT_COLUMNS: Column[] = [
  { key: 'document', label: 'Document' },
  { key: 'file', label: 'File' },
  { key: 'sizeBytes', label: 'Size', format: 'bytes' },
  { key: 'pages', label: 'Pages' },
  { key: 'characters', label: 'Characters' },
  { key: 'extractMs', label: 'Extract ms' },
  { key: 'extractPagesPerSecond', label: 'Pages/s' },
  { key: 'readMs', label: 'Full read ms' },
  { key: 'readPagesPerSecond', label: 'Pages/s (full)' },
  { key: 'kind', label: 'Kind' },
];

/** What was watched on the main thread while one document was read. */
export interface WatchedRun {
  ms: number;
  /** CPU time the main thread itself spent (user + system) while the document was read. */
  mainThreadCpuMs: number;
  loop: LoopDelay;
  rssBeforeBytes: number;
  rssPeakBytes: number;
}

/** A document's timing with one reader: the median over its runs, and the first run watched if asked. */
export interface DocumentTiming {
  ms: number;
  runs: number;
  outcome: DocumentOutcome;
  watched: WatchedRun | null;
}

/** Reads each document with both (warm, one-thread) readers; the `watch`ed one's first runs are observed. */
export async function measureDocuments(
  readers: { extract: BenchReader; read: BenchReader },
  documents: readonly BenchDocument[],
  watch: BenchDocument,
): Promise<{ rows: Record<string, Figure>[]; watched: Record<'extract' | 'read', WatchedRun | null> }> {
  const rows: Record<string, Figure>[] = [];
  const watched: Record<'extract' | 'read', WatchedRun | null> = { extract: null, read: null };
  for (const document of documents) {
    progress(`reading ${document.name} (${document.pages} pages)`);
    const extract = await timeDocument(readers.extract, document, document === watch);
    const read = await timeDocument(readers.read, document, document === watch);
    if (document === watch) Object.assign(watched, { extract: extract.watched, read: read.watched });
    const pages = extract.outcome.pages ?? document.pages;
    rows.push({
      document: document.name,
      file: document.filename,
      sizeBytes: document.content.length,
      pages,
      characters: extract.outcome.characters,
      extractMs: extract.ms,
      extractPagesPerSecond: (pages * 1000) / extract.ms,
      readMs: read.ms,
      readPagesPerSecond: (pages * 1000) / read.ms,
      kind: read.outcome.kind,
    });
  }
  return { rows, watched };
}

/** Reads one document once (watched if asked), and again if it was quick; the median time. */
export async function timeDocument(
  reader: BenchReader,
  document: BenchDocument,
  watch: boolean,
): Promise<DocumentTiming> {
  const first = watch ? await watchedRun(reader, document) : null;
  const { value: outcome, ms } = first === null ? await timed(() => reader.run(document)) : first;
  const times = [ms];
  if (ms < REPEAT_BELOW_MS) {
    for (let run = 1; run < REPEATS; run += 1) times.push((await timed(() => reader.run(document))).ms);
  }
  return { ms: median(times), runs: times.length, outcome, watched: first?.watched ?? null };
}

async function watchedRun(
  reader: BenchReader,
  document: BenchDocument,
): Promise<{ value: DocumentOutcome; ms: number; watched: WatchedRun }> {
  const rss = new RssSampler();
  const stopWatching = watchEventLoop();
  const cpuBefore = process.threadCpuUsage();
  const { value, ms } = await timed(() => reader.run(document));
  const cpu = process.threadCpuUsage(cpuBefore);
  const loop = stopWatching();
  const rssPeakBytes = rss.stop();
  const mainThreadCpuMs = (cpu.user + cpu.system) / 1000;
  return { value, ms, watched: { ms, mainThreadCpuMs, loop, rssBeforeBytes: rss.startBytes, rssPeakBytes } };
}

/**
 * For contrast: the document extracted on the main thread (`extractDocument` without a pool), watched the
 * same way. This is what the pools spare the event loop.
 */
export async function watchInThread(document: BenchDocument, limits: ExtractionLimits): Promise<WatchedRun> {
  const reader: BenchReader = {
    run: async () => {
      const hint = { filename: document.filename, contentType: document.contentType };
      const extraction = await extractDocument(document.content, hint, limits);
      if (extraction.status !== 'ok') throw new Error(`${document.name} was not read: ${extraction.status}`);
      return { pages: extraction.pages, characters: extraction.text.length, kind: null };
    },
    close: () => Promise.resolve(),
  };
  return (await watchedRun(reader, document)).watched;
}
