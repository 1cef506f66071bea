import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { TEST_LIMITS } from '../../support/documents/sample-specs.ts';
import { cachedCorpusDocument } from '../../accuracy/documents/corpus-documents.ts';
import { classifyText, readCorpusKind } from '../../support/documents/classify-corpus.ts';

// Reports, manuals, booklets and books that are long, sectioned and list references, but are no research: each rule
// here came from a development miss of the corpus's fifth round (test/corpus/SOURCES.md). The corpus files are read
// through the real reading processes when the cache holds them; small texts of the same shape are classified always.
const EXTRACTION: ExtractionConfig = { ...TEST_LIMITS, threads: 1 };
// The Internal Revenue Manual's 400 pages take a while to read.
const LONG_READ_MS = 120_000;

const pool = new ExtractionPool(EXTRACTION);
afterAll(() => pool.close());

function repeat(line: string, times: number): string[] {
  return Array.from({ length: times }, (_, index) => `${line} (${index + 1})`);
}

// A patients' booklet: contents, chapters, acknowledgements and a "References" list that nothing in the text cites.
const BOOKLET = [
  'Understanding Knee Surgery',
  'A guide for patients and their families',
  'Contents',
  'Introduction',
  'Chapter 1 Before the operation',
  ...repeat('Your surgeon will explain the operation and what you can do to prepare for it.', 5),
  'Chapter 2 In hospital',
  ...repeat('Nurses will help you to stand up on the first day and to walk with a frame.', 5),
  'Chapter 3 At home',
  ...repeat('Keep doing the exercises your physiotherapist showed you, twice a day.', 5),
  'Acknowledgements',
  'We thank the patients who read drafts of this booklet.',
  'References',
  'Arthritis Foundation. Knee replacement surgery. 2019.',
  'National Health Service. Recovering from a knee replacement. 2021.',
].join('\n');

// Development misses: abnTeX2's book model (contents, lists of figures and tables, chapters, an uncited bibliography),
// sizuhe's contract-report template (introduction, "Results and discussion", references that the lorem ipsum never
// cites), PyMuPDF's 47-page documentation (contents, appendix, three bracketed numbers) and a French environmental
// impact study (chapters, "objectifs", "méthodologie").
const UNSCHOLARLY = [
  'abntex2-modelo-livro.pdf',
  'sizuhe-report.pdf',
  'pymupdf-2.pdf',
  'pymupdf-test-2634.pdf',
].map((file) => ({ file, doc: cachedCorpusDocument(file) }));

describe('chapters, length and a reference list without scholarship', () => {
  it.each(UNSCHOLARLY)('does not read $file as research', async ({ doc }) => {
    if (doc === undefined) return;
    const decision = await readCorpusKind(pool, doc);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
  });

  it('counts neither a reference list nobody cites nor a book’s chapters, pages and front matter', () => {
    const decision = classifyText(BOOKLET, { pages: 40 });
    const evidence = decision.evidence.join('; ');
    expect(decision.kind, evidence).not.toBe('research');
    expect(decision.scores.research ?? 0).toBeLessThan(2);
  });

  it('counts them all once the text cites what it lists', () => {
    const cited = BOOKLET.replace(
      'Chapter 2 In hospital',
      'Chapter 2 In hospital\nEarly walking shortens the stay (Smith, 2019), eases pain (Jones et al., 2020) and helps (Lee, 2021).',
    );
    const decision = classifyText(cited, { pages: 40 });
    const evidence = decision.evidence.join('; ');
    expect(decision.kind, evidence).toBe('research');
    expect(evidence).toMatch(/bibliography/);
    expect(evidence).toMatch(/3 chapters/);
    expect(evidence).toMatch(/40 pages/);
  });
});

// A Chilean council's land-policy draft (Word, development part): sixteen author-year citations and the word
// "objectives" made it research, with no reference list, abstract or paper's sections.
const POLICY_DRAFT = cachedCorpusDocument('poi-stress018.docx');
const POLICY_TEXT = [
  'Land policy for social integration: final draft',
  ...repeat('Segregation grew (OECD, 2013), (Sabatini, 2001), (Rodriguez, 2008) and (Harvey, 2012)', 4),
  'The council set three objectives for its first year of work.',
].join('\n');

describe('one word of a proposal', () => {
  it.skipIf(POLICY_DRAFT === undefined)('does not read the policy draft as research', async () => {
    if (POLICY_DRAFT === undefined) return;
    const decision = await readCorpusKind(pool, POLICY_DRAFT);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
  });

  it('counts proposal terms from two on', () => {
    const single = classifyText(POLICY_TEXT);
    expect(single.kind, single.evidence.join('; ')).toBe('other');
    expect(single.evidence.join('; ')).not.toMatch(/proposal terms/);
    const two = classifyText(`${POLICY_TEXT}\nThe methodology follows the national survey.`);
    expect(two.evidence.join('; ')).toMatch(/proposal terms: objectives, methodology/);
  });
});

// 400 pages of the US Internal Revenue Manual (development part): "Background" and "Objectives" headings opened the
// way for its length and contents page, as if they were a paper's sections.
const MANUAL = cachedCorpusDocument('unstructured-pdf2image-memory-error-test-400p.pdf');
const PROGRAM_MANUAL = [
  'Table of Contents',
  'Background',
  'The program issues notices to taxpayers whose returns are late.',
  'Objectives',
  'Notices are issued within thirty days.',
  'Command Codes',
  'Use command code BMFOL to see the entity module.',
].join('\n');

describe("a report's background and objectives", () => {
  it.skipIf(MANUAL === undefined)(
    'does not read the Internal Revenue Manual as research (nor as a transcript)',
    async () => {
      if (MANUAL === undefined) return;
      const decision = await readCorpusKind(pool, MANUAL);
      expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    },
    LONG_READ_MS,
  );

  it('does not take background and objectives for a paper’s sections', () => {
    const decision = classifyText(PROGRAM_MANUAL, { pages: 7 });
    expect(decision.kind, decision.evidence.join('; ')).not.toBe('research');
    expect(decision.evidence.join('; ')).not.toMatch(/7 pages/);
  });

  it('still takes methods and results for a paper’s sections', () => {
    const paper = PROGRAM_MANUAL.replace('Background', 'Methods').replace('Objectives', 'Results');
    expect(classifyText(paper, { pages: 7 }).evidence.join('; ')).toMatch(/7 pages/);
  });
});

// Cancer Council Australia's booklet "Understanding Breast Cancer" (76 pages, development part): "we strongly
// recommend" and "her ability" in its advice made it a reference letter once it was no longer taken for research.
const CANCER_BOOKLET = cachedCorpusDocument('unstructured-failure-after-repair.pdf');
const ADVICE = [
  'Talking to your family',
  'We strongly recommend that you bring someone with you to appointments.',
  'A friend may worry about her ability to help, and that is normal.',
].join('\n');

describe('recommendations in a long document', () => {
  it.skipIf(CANCER_BOOKLET === undefined)('does not read the booklet as a reference', async () => {
    if (CANCER_BOOKLET === undefined) return;
    const decision = await readCorpusKind(pool, CANCER_BOOKLET);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
  });

  it('counts phrases of recommendation in a document of a few pages or in a letter only', () => {
    expect(classifyText(ADVICE, { pages: 40 }).scores.reference ?? 0).toBe(0);
    expect(classifyText(ADVICE, { pages: 2 }).scores.reference ?? 0).toBeGreaterThan(0);
    const letter = classifyText(`Dear Committee,\n${ADVICE}\nSincerely,\nProf. Ada Smith`, { pages: 40 });
    expect(letter.scores.reference ?? 0).toBeGreaterThan(0);
  });
});
