import type { Block } from '../support/documents/document-spec.ts';
import { seededRandom } from '../support/seeded-random.ts';

// Sentence parts for thesis-like prose (Latin-1 only, so the PDF builder's Helvetica can draw every character).
const OPENINGS = [
  'In this chapter we show that',
  'The experiments in Section 4 suggest that',
  'Following earlier work (Smith et al., 2019),',
  'As argued by Keller and Moreau (2021),',
  'A central observation of this thesis is that',
  'Contrary to the common assumption,',
  'Under the conditions described above,',
  'Taken together, the results indicate that',
];
const SUBJECTS = [
  'the proposed estimator',
  'a sparse attention mechanism',
  'the variational lower bound',
  'the hierarchical model',
  'stochastic gradient descent with momentum',
  'the graph neural network',
  'the calibration error',
  'the posterior approximation',
];
const VERBS = [
  'converges faster than',
  'remains robust compared with',
  'generalises better than',
  'is consistently outperformed by',
  'scales linearly, unlike',
  'reduces the variance of',
];
const OBJECTS = [
  'the baseline of Chapter 2 [12]',
  'the kernel methods reviewed in [7, 8]',
  'a carefully tuned random forest',
  'the maximum likelihood estimate',
  'models trained on the full corpus',
  'the standard benchmark on ImageNet',
];
const CLOSINGS = [
  'when the training data are noisy.',
  'across all twelve data sets we considered.',
  'provided the learning rate is annealed.',
  'although the gap narrows for larger models.',
  'which we prove formally in Appendix B.',
  'at a fraction of the computational cost.',
];
const CHAPTERS = [
  'Introduction',
  'Background and Related Work',
  'Probabilistic Models of Sequences',
  'Efficient Inference at Scale',
  'Robustness to Distribution Shift',
  'Experimental Evaluation',
  'Applications in the Life Sciences',
  'Discussion',
  'Conclusions and Future Work',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One sentence of thesis-like prose (~170 characters). */
export function sentence(random: () => number): string {
  return [OPENINGS, SUBJECTS, VERBS, OBJECTS, CLOSINGS].map((part) => pick(random, part)).join(' ');
}

/** A paragraph of `sentences` sentences. */
export function paragraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

// Five paragraphs of four sentences fill ~40 lines of an A4 page at 11 pt and leave room for a heading.
const PARAGRAPHS_PER_PAGE = 5;
const SENTENCES_PER_PARAGRAPH = 4;

/**
 * `pages` pages of thesis-like prose, each starting on a new page: ~40 lines of body text per page, and a
 * "Chapter N: Title" heading on the first page of every chapter of `pagesPerChapter` pages.
 */
export function thesisPages(pages: number, pagesPerChapter: number, seed: number): Block[] {
  const random = seededRandom(seed);
  return Array.from({ length: pages }, (_, page) => {
    const chapter = Math.floor(page / pagesPerChapter);
    const heading: Block[] =
      page % pagesPerChapter === 0
        ? [{ text: `Chapter ${chapter + 1}: ${CHAPTERS[chapter % CHAPTERS.length]}`, style: 'heading' }]
        : [];
    const body = Array.from({ length: PARAGRAPHS_PER_PAGE }, () => ({
      text: paragraph(random, SENTENCES_PER_PARAGRAPH),
    }));
    const [first, ...rest] = [...heading, ...body];
    return [{ ...(first as Block), pageBreak: page > 0 }, ...rest];
  }).flat();
}

export { seededRandom };
