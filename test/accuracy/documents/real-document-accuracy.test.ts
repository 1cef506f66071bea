import { beforeAll, describe, expect, it } from 'vitest';
import { corpusMissing } from './corpus-documents.ts';
import { isCrash, measureCorpus, renderCorpusFigures, type CorpusFigures } from './measure-corpus.ts';

// Issue 14 asks 95 % on real documents we did not tune on; 35/40 (87.5 %) is what the classifier reaches (see the
// README, "Kinds"; 31/35 before the corpus grew by 22 documents). Of the five that fell in the held-out part, four
// were read right and one, a thesis-template collection's user manual, is read as research — like the citation
// package's manual and the blank proposal-review form before it; the other misses are a moderncv letter with filler
// text and a reference-letter template (the development part has no reference letter to learn from). This floor keeps
// it from getting worse; raise it as the held-out figure rises.
const HELD_OUT_MIN_ACCURACY = 0.875;

let figures: CorpusFigures | undefined;

function measured(): CorpusFigures {
  if (figures === undefined) throw new Error('the corpus was not measured');
  return figures;
}

const missing = corpusMissing();

// The corpus is a cache of fetched files (never committed): without it this measurement skips, saying why.
describe.skipIf(missing !== null)(
  `document kinds on the real-document corpus${missing === null ? '' : `: ${missing}`}`,
  () => {
    beforeAll(async () => {
      figures = await measureCorpus();
      console.log(renderCorpusFigures(figures));
    }, 240_000);

    it('holds documents of several kinds in both parts', () => {
      const { dev, heldOut } = measured();
      expect(dev.total + heldOut.total).toBeGreaterThanOrEqual(60);
      expect(heldOut.total).toBeGreaterThanOrEqual(Math.floor((dev.total + heldOut.total) / 4));
    });

    it('reads every document without a crash', () => {
      const crashed = measured().outcomes.filter((outcome) => isCrash(outcome.status));
      expect(crashed.map((outcome) => `${outcome.doc.file}: ${outcome.status}`)).toEqual([]);
    });

    it(`gets at least ${HELD_OUT_MIN_ACCURACY * 100} % of the held-out kinds right`, () => {
      const { heldOut } = measured();
      expect(heldOut.correct / heldOut.total, renderCorpusFigures(measured())).toBeGreaterThanOrEqual(
        HELD_OUT_MIN_ACCURACY,
      );
    });

    it('names its evidence for every decision', () => {
      for (const { decision } of measured().outcomes) expect(decision.evidence.length).toBeGreaterThan(0);
    });
  },
);
