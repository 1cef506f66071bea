// A process that opens an ExtractionPool, starts a document that never finishes, and says "reading": a test kills
// it with -9 and checks that its reading process does not outlive it.
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { TEST_LIMITS } from './sample-specs.ts';

const pool = new ExtractionPool(
  { ...TEST_LIMITS, threads: 1 },
  { workerFile: new URL('./misbehaving-worker.ts', import.meta.url) },
);
void pool.extract(Buffer.from('spin'), { filename: 'hang', contentType: 'text/plain' });
console.log('reading');
