import extractInWorker, { type ExtractionTask } from '../../../src/documents/extraction-worker.ts';
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtractedText } from '../../../src/documents/extraction.ts';

/**
 * A stand-in extraction worker for pool tests: the file name asks it to misbehave — `hang` spins forever
 * (only terminating the thread stops it), `exhaust-memory` grows its heap until the thread's limit kills it,
 * `exit` ends its thread, `sha256` answers the SHA-256 of the bytes it was given, `pid` answers its process id — and
 * anything else is read by the real worker.
 */
export default function misbehavingWorker(task: ExtractionTask): Promise<ExtractedText> {
  const mode = task.hint.filename ?? '';
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
  if (mode === 'sha256')
    return Promise.resolve(answer(createHash('sha256').update(task.bytes).digest('hex')));
  if (mode === 'pid') return Promise.resolve(answer(String(process.pid)));
  if (mode.startsWith('overlap:')) return overlapping(mode.slice('overlap:'.length));
  return extractInWorker(task);
}

// Marks this process as reading in `folder` for a while and says whether any other one was marked meanwhile.
async function overlapping(folder: string): Promise<ExtractedText> {
  const mark = path.join(folder, String(process.pid));
  writeFileSync(mark, '');
  let others = 0;
  // Long enough for a second process to start on a busy machine; over as soon as one is seen.
  for (let check = 0; check < 40 && others === 0; check += 1) {
    others = readdirSync(folder).length - 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rmSync(mark);
  return answer(others > 0 ? 'together' : 'alone');
}

function answer(text: string): ExtractedText {
  return {
    status: 'ok',
    format: 'text',
    reason: null,
    text,
    pages: null,
    truncated: false,
    hiddenText: '',
    hiddenReasons: [],
  };
}
