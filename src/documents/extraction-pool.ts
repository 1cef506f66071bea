import type { ExtractionConfig } from '../config/schema.ts';
import type { AttachmentBytes } from './attachment-bytes.ts';
import { DocumentThreads, siblingModule } from './document-threads.ts';
import type { ExtractedText, ExtractionHint, ExtractionOptions } from './extraction.ts';

export interface ExtractionPoolOptions {
  /** The worker module; default `extraction-worker` beside this file (tests pass one that misbehaves). */
  workerFile?: URL;
  /** Seconds an idle process lives before it is stopped. */
  idleSeconds?: number;
  /** `watchdog`: bound memory by polling RSS, as where the kernel's limit cannot be set (tests). */
  memoryBound?: 'auto' | 'watchdog';
  /** Documents read at once when `threads` is 0 (see DocumentThreadsOptions). */
  processes?: () => number;
}

/** Extracts documents' text in reading processes, under the time and memory limits (see DocumentThreads). */
export class ExtractionPool {
  readonly #threads: DocumentThreads<ExtractionOptions, ExtractedText>;

  constructor(config: ExtractionConfig, options: ExtractionPoolOptions = {}) {
    this.#threads = new DocumentThreads(config, {
      workerFile: options.workerFile ?? siblingModule(import.meta.url, 'extraction-worker'),
      failed: (extraction) => extraction,
      ...(options.idleSeconds === undefined ? {} : { idleSeconds: options.idleSeconds }),
      ...(options.memoryBound === undefined ? {} : { memoryBound: options.memoryBound }),
      ...(options.processes === undefined ? {} : { processes: options.processes }),
    });
  }

  /** Reads one document. Never rejects: timeouts, crashes and out-of-memory become statuses. */
  extract(
    content: AttachmentBytes,
    hint: ExtractionHint,
    options: ExtractionOptions = {},
  ): Promise<ExtractedText> {
    return this.#threads.run(content, hint, options);
  }

  /** Stops all processes; documents still waiting or running come back as `failed`. */
  close(): Promise<void> {
    return this.#threads.close();
  }
}
