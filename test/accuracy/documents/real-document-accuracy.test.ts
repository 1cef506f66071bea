import { beforeAll, describe, expect, it } from 'vitest';
import { corpusMissing } from './corpus-documents.ts';
import { isCrash, measureCorpus, renderCorpusFigures, type CorpusFigures } from './measure-corpus.ts';

// Issue 14 asks 95 % on real documents we did not tune on; 52/57 (91.2 %) is what the classifier reaches (see the
// README, "Kinds"). The corpus grew by 45 documents (17 held out) to 51/57 before any rule was written from the new
// development misses (35/40 before that); three rules written from development misses since (a Spanish CV's
// headings and months, a short letter naming a CV as enclosed, template documentation and study notes named by their title)
// raised it by one. A third round added 19 documents (6 held out, two of them certificates, one of which is missed:
// 58/64, 90.6 %) before any rule was written from them. A fourth round added 43 documents (13 held out: 11 read
// right, 69/77, 89.6 %) before any rule was written from them, and two more later (one held out, read right:
// 70/78). A fifth round added 46 documents (13 held out: 10 read right, 80/91, 87.9 %) before any rule was written
// from them; its rules from development misses (scholarship before chapters and length, tables of figures, grade
// rows only where something calls them grades, letters' phrases in long documents, certificates of goods, titles
// run together) raised it to 83/91 (91.2 %). This floor keeps it from getting worse; raise it as the held-out figure
// rises.
const HELD_OUT_MIN_ACCURACY = 83 / 91;
/** The corpus's size as measured: a manifest that lost entries fails here. */
const MIN_DOCUMENTS = 294;

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
      expect(dev.total + heldOut.total).toBeGreaterThanOrEqual(MIN_DOCUMENTS);
      expect(heldOut.total).toBeGreaterThanOrEqual(Math.floor((dev.total + heldOut.total) / 4));
    });

    it('reads every document without a crash', () => {
      const crashed = measured().outcomes.filter((outcome) => isCrash(outcome.status));
      expect(crashed.map((outcome) => `${outcome.doc.file}: ${outcome.status}`)).toEqual([]);
    });

    it(`gets at least ${(HELD_OUT_MIN_ACCURACY * 100).toFixed(1)} % of the held-out kinds right`, () => {
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
