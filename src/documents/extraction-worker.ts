import type { ThreadTask } from './document-threads.ts';
import { extractDocument } from './extract/extract-document.ts';
import type { ExtractedText, ExtractionOptions } from './extraction.ts';

/** One job for an extraction process: its extra input is how to read. */
export type ExtractionTask = ThreadTask<ExtractionOptions>;

/** The reading process's work (see reading-child): reads one document's text (see `extractDocument`). */
export default function extractInWorker(task: ExtractionTask): Promise<ExtractedText> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  return extractDocument(bytes, task.hint, task.limits, task.extra);
}
