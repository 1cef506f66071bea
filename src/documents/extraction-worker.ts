import type { ThreadTask } from './document-threads.ts';
import { extractDocument } from './extract/extract-document.ts';
import type { ExtractedText } from './extraction.ts';

/** One job for an extraction thread (no extra input). */
export type ExtractionTask = ThreadTask<null>;

/** The piscina entry point: reads one document in this worker thread (see `extractDocument`). */
export default function extractInWorker(task: ExtractionTask): Promise<ExtractedText> {
  return extractDocument(Buffer.from(task.bytes), task.hint, task.limits);
}
