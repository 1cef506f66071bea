import type { ExtractionConfig } from '../config/schema.ts';
import type { AttachmentBytes } from './attachment-bytes.ts';
import { DocumentThreads, siblingModule } from './document-threads.ts';
import { readExtracted } from './read-document.ts';
import type { DocumentReader, ReadRequest, ReadResult } from './read-documents.ts';
import type { ReadingExtra } from './reading-worker.ts';

/**
 * The daemon's document reader: extraction, kind and profile all run in reading processes (the event loop only
 * passes bytes), under the `extraction` limits. A document whose process fails, runs over its time or memory, or
 * whose message's clock runs out gets a reading that says so, and a kind from its file name.
 */
export class DocumentPool implements DocumentReader {
  readonly #threads: DocumentThreads<
    ReadingExtra & Pick<ReadRequest, 'filename' | 'contentType'>,
    ReadResult
  >;

  /** `processes`: reading processes when `extraction.threads` is 0 (see DocumentThreadsOptions). */
  constructor(config: ExtractionConfig, processes?: () => number) {
    this.#threads = new DocumentThreads(config, {
      workerFile: siblingModule(import.meta.url, 'reading-worker'),
      failed: (extraction, request) => readExtracted(extraction, request),
      ...(processes === undefined ? {} : { processes }),
    });
  }

  read(content: AttachmentBytes, request: ReadRequest): Promise<ReadResult> {
    const { clock, ...extra } = request;
    const { filename, contentType } = extra;
    return this.#threads.run(content, { filename, contentType }, extra, clock);
  }

  close(): Promise<void> {
    return this.#threads.close();
  }
}
