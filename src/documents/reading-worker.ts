import type { ThreadTask } from './document-threads.ts';
import { extractDocument } from './extract/extract-document.ts';
import { readExtracted } from './read-document.ts';
import type { ReadRequest, ReadResult } from './read-documents.ts';

/** What a reading thread needs besides the document: the vacancy's keywords and the sender's name. */
export type ReadingExtra = Pick<ReadRequest, 'keywords' | 'applicantName'>;

/** The piscina entry point: extracts, classifies and profiles one document in this worker thread. */
export default async function readInWorker(task: ThreadTask<ReadingExtra>): Promise<ReadResult> {
  const extraction = await extractDocument(Buffer.from(task.bytes), task.hint, task.limits);
  return readExtracted(extraction, { ...task.hint, ...task.extra });
}
