import extractInWorker, { type ExtractionTask } from '../../../src/documents/extraction-worker.ts';
import type { ExtractedText } from '../../../src/documents/extraction.ts';

/**
 * A stand-in extraction worker for pool tests: the file name asks it to misbehave — `hang` spins forever
 * (only terminating the thread stops it), `exhaust-memory` grows its heap until the thread's limit kills it,
 * `exit` ends its thread — and anything else is read by the real worker.
 */
export default function misbehavingWorker(task: ExtractionTask): Promise<ExtractedText> {
  const mode = task.hint.filename;
  if (mode === 'hang') {
    for (;;) {
      // Busy: never yields to the event loop, like a parser stuck in a loop.
    }
  }
  if (mode === 'exhaust-memory') {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i * Math.random()));
  }
  if (mode === 'exit') process.exit(3);
  return extractInWorker(task);
}
