// Document kinds on the real-document corpus (test/corpus/documents.json): prints dev and held-out figures.
// Run: npm exec -- node test/accuracy/documents/measure-documents.ts
import { corpusMissing } from './corpus-documents.ts';
import { measureCorpus, renderCorpusFigures } from './measure-corpus.ts';

const missing = corpusMissing();
if (missing === null) console.log(renderCorpusFigures(await measureCorpus()));
else {
  console.error(`measure-documents: ${missing}`);
  process.exitCode = 1;
}
