import { type BenchDocument, buildBenchDocuments } from './bench-documents.ts';
import { benchConfig, openReader } from './bench-readers.ts';
import { type BenchSection, type FlagValues, wholeNumberFlag } from './bench-section.ts';
import type { BenchTable, Figure, SectionResult } from './bench-table.ts';
import {
  DOCUMENT_COLUMNS,
  measureDocuments,
  watchInThread,
  type WatchedRun,
} from './extraction-documents.ts';
import { measureSideBySide } from './extraction-side-by-side.ts';
import { measureThroughput, THROUGHPUT_COLUMNS } from './extraction-throughput.ts';
import { maxRssBytes, progress, RssSampler, timed } from './measure.ts';

/** The extraction section's settings, from its flags. */
export interface ExtractionBenchSettings {
  thesisPages: number;
  /** Size of the figure-heavy PDF in MB; 0 leaves it out. */
  bigMb: number;
  /** Copies read at once in the throughput runs. */
  copies: number;
}

/** `npm run bench -- --only extraction`: reading generated documents through the real pools. */
export const extractionSection: BenchSection = {
  name: 'extraction',
  title: 'Document extraction',
  flags: {
    'thesis-pages': { type: 'string' },
    'big-mb': { type: 'string' },
    copies: { type: 'string' },
  },
  usage: [
    '--thesis-pages <n>  pages of the generated thesis PDF (default 200)',
    '--big-mb <n>        size of the figure-heavy PDF in MB, 0 to leave it out (default 25)',
    '--copies <n>        documents read at once in the throughput runs (default 8)',
  ],
  prepare(values: FlagValues) {
    const settings: ExtractionBenchSettings = {
      thesisPages: wholeNumberFlag(values, 'thesis-pages', 200, 2),
      bigMb: wholeNumberFlag(values, 'big-mb', 25, 0),
      copies: wholeNumberFlag(values, 'copies', 8, 1),
    };
    return () => runExtractionBench(settings);
  },
};

/** Builds the documents, then measures cold start, each document, throughput, memory and the event loop. */
export async function runExtractionBench(settings: ExtractionBenchSettings): Promise<SectionResult> {
  progress('building documents');
  const built = await timed(() => buildBenchDocuments(settings));
  const documents = built.value;
  const thesis = named(documents, 'thesis');
  const cv = named(documents, 'cv');
  const largest = Math.max(...documents.map((document) => document.content.length));
  const config = (threads: number) => benchConfig(threads, largest, settings.thesisPages);
  const overall = new RssSampler();

  progress('cold start');
  const readers = { extract: openReader('extract', config(1)), read: openReader('read', config(1)) };
  const coldExtract = await timed(() => readers.extract.run(cv));
  const coldRead = await timed(() => readers.read.run(cv));
  const measured = await measureDocuments(readers, documents, thesis).finally(() =>
    Promise.all([readers.extract.close(), readers.read.close()]),
  );
  const cvRow = measured.rows.find((row) => row.document === 'cv');
  const throughput = await measureThroughput({
    documents: [thesis, cv],
    copies: settings.copies,
    config,
  });
  const overallPeak = overall.stop();
  const maxRss = maxRssBytes();
  progress('the thesis on the main thread, for contrast');
  const inThread = await watchInThread(thesis, config(1));
  const sideBySide = await measureSideBySide({
    documents: documents.filter((document) => document.contentType === 'application/pdf'),
    warmUp: cv,
    throughput: thesis,
    copies: settings.copies,
    config,
  });

  return {
    section: 'extraction',
    title: 'Document extraction',
    settings: {
      'thesis-pages': settings.thesisPages,
      'big-mb': settings.bigMb,
      copies: settings.copies,
    },
    tables: [
      documentsTable(measured.rows, built.ms),
      coldStartTable([
        { reader: 'extract', firstMs: coldExtract.ms, warmMs: cvRow?.extractMs ?? null },
        { reader: 'read', firstMs: coldRead.ms, warmMs: cvRow?.readMs ?? null },
      ]),
      throughputTable(throughput, settings.copies),
      mainThreadTable({ ...measured.watched, 'in-thread': inThread }, thesis),
      memoryTable(overall.startBytes, measured.watched.extract, overallPeak, maxRss),
      ...sideBySide,
    ],
  };
}

function named(documents: readonly BenchDocument[], name: string): BenchDocument {
  const document = documents.find((candidate) => candidate.name === name);
  if (document === undefined) throw new Error(`no ${name} among the benchmark documents`);
  return document;
}

function documentsTable(rows: Record<string, Figure>[], buildMs: number): BenchTable {
  return {
    id: 'documents',
    title: 'Per document (one warm reading process; median of 5 runs for documents read in under 250 ms)',
    columns: DOCUMENT_COLUMNS,
    rows,
    notes: [
      'Extract: text only (ExtractionPool). Full read: text, kind and profile (DocumentPool, what the daemon runs).',
      'A DOCX has no page count: its pages are the page breaks it was built with.',
      `Documents generated in-process in ${Math.round(buildMs)} ms (pdfkit and docx, fixed seeds).`,
    ],
  };
}

function coldStartTable(rows: { reader: string; firstMs: number; warmMs: Figure }[]): BenchTable {
  return {
    id: 'coldStart',
    title: 'Cold start (first document on a new pool: process start and pdf.js load; the 2-page CV)',
    columns: [
      { key: 'reader', label: 'Reader' },
      { key: 'firstMs', label: 'First document ms' },
      { key: 'warmMs', label: 'Warm ms' },
      { key: 'coldStartMs', label: 'Cold start ms' },
    ],
    rows: rows.map((row) => ({
      ...row,
      coldStartMs: typeof row.warmMs === 'number' ? row.firstMs - row.warmMs : null,
    })),
  };
}

function throughputTable(rows: Record<string, Figure>[], copies: number): BenchTable {
  return {
    id: 'throughput',
    title: `Throughput (${copies} copies read at once; one reading process vs one per core)`,
    columns: THROUGHPUT_COLUMNS,
    rows,
    notes: [
      'RSS: the benchmark process and its reading processes, sampled every 20 ms during the run. It does not fall back',
      "between runs (the allocator keeps freed pages), so compare a run's peak with its RSS before.",
    ],
  };
}

function mainThreadTable(
  watched: Record<'extract' | 'read' | 'in-thread', WatchedRun | null>,
  thesis: BenchDocument,
): BenchTable {
  const rows = (['extract', 'read', 'in-thread'] as const).flatMap((reader) => {
    const run = watched[reader];
    if (run === null) return [];
    return [
      {
        reader,
        ms: run.ms,
        mainThreadCpuMs: run.mainThreadCpuMs,
        loopMaxMs: run.loop.maxMs,
        loopP99Ms: run.loop.p99Ms,
        rssBeforeBytes: run.rssBeforeBytes,
        rssPeakBytes: run.rssPeakBytes,
      },
    ];
  });
  return {
    id: 'mainThread',
    title: `Main thread while the ${thesis.pages}-page thesis is read (first run, one reading process)`,
    columns: [
      { key: 'reader', label: 'Reader' },
      { key: 'ms', label: 'Read ms' },
      { key: 'mainThreadCpuMs', label: 'Main-thread CPU ms' },
      { key: 'loopMaxMs', label: 'Event-loop delay max ms', format: 1 },
      { key: 'loopP99Ms', label: 'p99 ms', format: 1 },
      { key: 'rssBeforeBytes', label: 'RSS before', format: 'bytes' },
      { key: 'rssPeakBytes', label: 'Peak RSS', format: 'bytes' },
    ],
    rows,
    notes: [
      'Event-loop delay: how late a 10 ms timer fired (perf_hooks.monitorEventLoopDelay, the interval taken off).',
      'extract and read parse in a reading process; in-thread calls extractDocument on the main thread, for contrast',
      '(pdf.js yields between pages, so the loop keeps turning even then: the CPU it takes is the difference).',
    ],
  };
}

function memoryTable(
  startBytes: number,
  thesisRun: WatchedRun | null,
  overallPeak: number,
  maxRss: number,
): BenchTable {
  return {
    id: 'memory',
    title: 'Memory of the benchmark process with its reading processes',
    columns: [
      { key: 'measure', label: 'Measure' },
      { key: 'bytes', label: 'RSS', format: 'bytes' },
    ],
    rows: [
      { measure: 'after generating the documents', bytes: startBytes },
      {
        measure: 'peak while the thesis was extracted (sampled every 20 ms)',
        bytes: thesisRun?.rssPeakBytes ?? null,
      },
      {
        measure: 'peak over the section, side-by-side comparison aside (sampled every 20 ms)',
        bytes: overallPeak,
      },
      {
        measure: 'maxRSS of the benchmark process alone (resourceUsage; includes generating the documents)',
        bytes: maxRss,
      },
    ],
  };
}
