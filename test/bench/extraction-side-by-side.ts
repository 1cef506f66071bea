import { availableParallelism } from 'node:os';
import type { ExtractionConfig } from '../../src/config/schema.ts';
import type { BenchDocument } from './bench-documents.ts';
import { openExtractionReader, type BenchReader } from './bench-readers.ts';
import type { BenchTable, Column, Figure } from './bench-table.ts';
import { OURS, OURS_PLAIN, sideBySideReaders, type SideReader } from './extraction-rivals.ts';
import { measureCopies, THROUGHPUT_COLUMNS } from './extraction-throughput.ts';
import { median, progress, timed } from './measure.ts';

/** What the comparison reads: the benchmark's PDFs, one of them also as `copies` copies at once. */
export interface SideBySidePlan {
  documents: readonly BenchDocument[];
  /** Read first by each reader, untimed, so that no reader's first document counts. */
  warmUp: BenchDocument;
  throughput: BenchDocument;
  copies: number;
  config: (threads: number) => ExtractionConfig;
}

const RATIO_COLUMNS: Column[] = [
  { key: 'oursRatio', label: 'Ours ÷ this', format: 2 },
  { key: 'oursPlainRatio', label: 'Ours, no hidden ÷ this', format: 2 },
];

const RATIO_NOTE =
  "Ours ÷ this: our pages per second divided by this reader's (above 1: we are faster), as the daemon reads and " +
  "without the hidden-text analysis (pdf.js's text layer instead of replaying each page's drawing).";

/**
 * Our extraction beside pdftotext and pdf2json over the same PDFs in the same run, each behind the same pool of
 * reading processes (the bytes sent to a warm process, the text sent back): per document one at a time, then the
 * throughput document as `copies` copies at once with one reading process per core.
 */
export async function measureSideBySide(plan: SideBySidePlan): Promise<BenchTable[]> {
  const { readers, notes } = sideBySideReaders();
  const open = (reader: SideReader, threads: number) =>
    openExtractionReader(plan.config(threads), reader.setup);
  const pools = readers.map((reader) => ({ name: reader.name, reader: open(reader, 1) }));
  const rows: Record<string, Figure>[] = [];
  try {
    for (const { name, reader } of pools) {
      progress(`side by side: warming ${name}`);
      await reader.run(plan.warmUp);
    }
    for (const document of plan.documents) {
      const turns: Record<string, Figure>[] = [];
      for (const { name, reader } of pools) {
        progress(`side by side: ${document.name} (${document.pages} pages), ${name}`);
        turns.push({ document: document.name, reader: name, ...(await timeOne(reader, document)) });
      }
      rows.push(...withRatios(turns));
    }
  } finally {
    await Promise.all(pools.map(({ reader }) => reader.close()));
  }
  const threads = availableParallelism();
  const throughput: Record<string, Figure>[] = [];
  for (const reader of readers) {
    progress(
      `side by side: ${plan.copies} × ${plan.throughput.name} at once, ${reader.name}, ${threads} readers`,
    );
    const figures = await measureCopies(open(reader, threads), plan.throughput, plan.copies, threads);
    throughput.push({ reader: reader.name, threads, copies: plan.copies, ...figures });
  }
  return [documentsTable(rows, notes), throughputTable(withRatios(throughput), plan, threads)];
}

// Every document is read at least three times by each reader (five if quicker than 250 ms) and the median
// taken: a ratio of two single runs on a shared machine says little.
const RUNS = 3;
const QUICK_RUNS = 5;
const QUICK_MS = 250;

async function timeOne(reader: BenchReader, document: BenchDocument): Promise<Record<string, Figure>> {
  const first = await timed(() => reader.run(document));
  const times = [first.ms];
  const runs = first.ms < QUICK_MS ? QUICK_RUNS : RUNS;
  while (times.length < runs) times.push((await timed(() => reader.run(document))).ms);
  const ms = median(times);
  const pages = first.value.pages ?? document.pages;
  return { pages, characters: first.value.characters, ms, pagesPerSecond: (pages * 1000) / ms };
}

/** Each row with our pages per second divided by its reader's, ours as the daemon reads and without the analysis. */
function withRatios(rows: Record<string, Figure>[]): Record<string, Figure>[] {
  const rateOf = (row: Record<string, Figure> | undefined): number | null =>
    typeof row?.pagesPerSecond === 'number' ? row.pagesPerSecond : null;
  const ours = rateOf(rows.find((row) => row.reader === OURS));
  const plain = rateOf(rows.find((row) => row.reader === OURS_PLAIN));
  return rows.map((row) => {
    const theirs = rateOf(row);
    const ratio = (own: number | null) => (own === null || theirs === null ? null : own / theirs);
    return { ...row, oursRatio: ratio(ours), oursPlainRatio: ratio(plain) };
  });
}

function documentsTable(rows: Record<string, Figure>[], notes: string[]): BenchTable {
  return {
    id: 'sideBySide',
    title:
      'Side by side: each PDF read one at a time (one warm reading process each; median of 3 runs, 5 under 250 ms)',
    columns: [
      { key: 'document', label: 'Document' },
      { key: 'reader', label: 'Reader' },
      { key: 'pages', label: 'Pages' },
      { key: 'characters', label: 'Characters' },
      { key: 'ms', label: 'ms' },
      { key: 'pagesPerSecond', label: 'Pages/s' },
      ...RATIO_COLUMNS,
    ],
    rows,
    notes: [
      RATIO_NOTE,
      ...notes,
      'Every reader runs behind the same ExtractionPool (its worker module swapped), so process start, IPC and ' +
        'limits are the same for all. The DOCX proposal is left out: neither pdftotext nor pdf2json reads DOCX.',
    ],
  };
}

function throughputTable(rows: Record<string, Figure>[], plan: SideBySidePlan, threads: number): BenchTable {
  return {
    id: 'sideBySideThroughput',
    title: `Side by side: ${plan.copies} copies of the ${plan.throughput.pages}-page ${plan.throughput.name} read at once (${threads} reading processes each)`,
    columns: [...THROUGHPUT_COLUMNS.filter((column) => column.key !== 'document'), ...RATIO_COLUMNS],
    rows,
    notes: [
      RATIO_NOTE,
      'Each reader warmed first (one copy per process). RSS: the benchmark process with all its descendants (for ' +
        'pdftotext, the reading processes and the pdftotext processes they start).',
    ],
  };
}
