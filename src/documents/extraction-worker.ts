import type { ThreadTask } from './document-threads.ts';
import { extractDocument } from './extract/extract-document.ts';
import type { ExtractedText } from './extraction.ts';

/** One job for an extraction process (no extra input). */
export type ExtractionTask = ThreadTask<null>;

/** The reading process's work (see reading-child): reads one document's text (see `extractDocument`). */
export default function extractInWorker(task: ExtractionTask): Promise<ExtractedText> {
  return extractDocument(
    Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength),
    task.hint,
    task.limits,
  );
}
