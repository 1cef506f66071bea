// Document kinds on the real-document corpus (test/corpus/documents.json): prints dev and held-out figures.
// Run: npm exec -- node test/accuracy/documents/measure-documents.ts [--held-out-misses]
// Held-out misses are counted, not named, unless --held-out-misses asks for their names (never for tuning).
import { corpusMissing } from './corpus-documents.ts';
import { measureCorpus, renderCorpusFigures } from './measure-corpus.ts';

const missing = corpusMissing();
if (missing === null)
  console.log(
    renderCorpusFigures(await measureCorpus(), { heldOutNames: process.argv.includes('--held-out-misses') }),
  );
else {
  console.error(`measure-documents: ${missing}`);
  process.exitCode = 1;
}
