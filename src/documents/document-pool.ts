import type { ExtractionConfig } from '../config/schema.ts';
import { DocumentThreads, siblingModule } from './document-threads.ts';
import { readExtracted } from './read-document.ts';
import type { DocumentReader, ReadRequest, ReadResult } from './read-documents.ts';
import type { ReadingExtra } from './reading-worker.ts';

/**
 * The daemon's document reader: extraction, kind and profile all run in worker threads (the event loop only
 * passes bytes), under the `extraction` limits. A document whose thread fails or runs over its time gets a
 * reading that says so, and a kind from its file name.
 */
export class DocumentPool implements DocumentReader {
  readonly #threads: DocumentThreads<
    ReadingExtra & Pick<ReadRequest, 'filename' | 'contentType'>,
    ReadResult
  >;

  constructor(config: ExtractionConfig) {
    this.#threads = new DocumentThreads(config, {
      workerFile: siblingModule(import.meta.url, 'reading-worker'),
      failed: (extraction, request) => readExtracted(extraction, request),
    });
  }

  read(content: Buffer, request: ReadRequest): Promise<ReadResult> {
    const { filename, contentType } = request;
    return this.#threads.run(content, { filename, contentType }, request);
  }

  close(): Promise<void> {
    return this.#threads.close();
  }
}
