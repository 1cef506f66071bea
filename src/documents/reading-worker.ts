import type { ThreadTask } from './document-threads.ts';
import { extractDocument } from './extract/extract-document.ts';
import { readExtracted } from './read-document.ts';
import type { ReadRequest, ReadResult } from './read-documents.ts';

/** What a reading process needs besides the document: the vacancy's keywords, the sender's name, whether to keep names. */
export type ReadingExtra = Pick<ReadRequest, 'keywords' | 'applicantName' | 'applicantsNamed'>;

/** The reading process's work (see reading-child): extracts, classifies and profiles one document. */
export default async function readInWorker(task: ThreadTask<ReadingExtra>): Promise<ReadResult> {
  const extraction = await extractDocument(
    Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength),
    task.hint,
    task.limits,
  );
  return readExtracted(extraction, { ...task.hint, ...task.extra });
}
