import { availableParallelism } from 'node:os';
import type { ExtractionConfig } from '../../src/config/schema.ts';
import type { BenchDocument } from './bench-documents.ts';
import { openReader, type BenchReader, type ReaderMode } from './bench-readers.ts';
import type { Column, Figure } from './bench-table.ts';
import { progress, RssSampler, timed } from './measure.ts';

export const THROUGHPUT_COLUMNS: Column[] = [
  { key: 'document', label: 'Document' },
  { key: 'reader', label: 'Reader' },
  { key: 'threads', label: 'Readers' },
  { key: 'copies', label: 'Copies' },
  { key: 'wallMs', label: 'Wall ms' },
  { key: 'documentsPerSecond', label: 'Docs/s', format: 1 },
  { key: 'pagesPerSecond', label: 'Pages/s' },
  { key: 'rssBeforeBytes', label: 'RSS before', format: 'bytes' },
  { key: 'peakRssBytes', label: 'Peak RSS', format: 'bytes' },
];

/** What a throughput run needs: the documents to copy, how many copies, and the pools' limits. */
export interface ThroughputPlan {
  documents: readonly BenchDocument[];
  copies: number;
  config: (threads: number) => ExtractionConfig;
}

/**
 * Each document read as `copies` copies at once, by each reader, with one thread and with one per core: the
 * documents and pages per second of wall time. Each pool is warmed first (one copy per thread), so thread
 * start, module loading and compilation are not counted.
 */
export async function measureThroughput(plan: ThroughputPlan): Promise<Record<string, Figure>[]> {
  const threadCounts = [...new Set([1, availableParallelism()])];
  const rows: Record<string, Figure>[] = [];
  for (const document of plan.documents) {
    for (const mode of ['extract', 'read'] as const) {
      for (const threads of threadCounts) {
        progress(`throughput: ${plan.copies} × ${document.name}, ${mode}, ${threads} reader(s)`);
        rows.push(await measureOne(plan, document, mode, threads));
      }
    }
  }
  return rows;
}

async function measureOne(
  plan: ThroughputPlan,
  document: BenchDocument,
  mode: ReaderMode,
  threads: number,
): Promise<Record<string, Figure>> {
  const figures = await measureCopies(openReader(mode, plan.config(threads)), document, plan.copies, threads);
  return { document: document.name, reader: mode, threads, copies: plan.copies, ...figures };
}

/**
 * `copies` copies of the document read at once by `reader` (which reads `threads` at a time, and is closed
 * after): wall time, documents and pages per second, and the RSS before and at peak. The reader is warmed first,
 * one copy per thread, so process start, module loading and compilation are not counted.
 */
export async function measureCopies(
  reader: BenchReader,
  document: BenchDocument,
  copies: number,
  threads: number,
): Promise<Record<string, Figure>> {
  try {
    await Promise.all(Array.from({ length: threads }, () => reader.run(document)));
    const rss = new RssSampler();
    const { value: outcomes, ms } = await timed(() =>
      Promise.all(Array.from({ length: copies }, () => reader.run(document))),
    );
    const pages = outcomes.reduce((sum, outcome) => sum + (outcome.pages ?? document.pages), 0);
    return {
      wallMs: ms,
      documentsPerSecond: (copies * 1000) / ms,
      pagesPerSecond: (pages * 1000) / ms,
      rssBeforeBytes: rss.startBytes,
      peakRssBytes: rss.stop(),
    };
  } finally {
    await reader.close();
  }
}
