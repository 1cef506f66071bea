import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { TEST_LIMITS } from '../../support/documents/sample-specs.ts';
import { cachedCorpusDocument } from '../../accuracy/documents/corpus-documents.ts';
import { classifyText, readCorpusKind } from '../../support/documents/classify-corpus.ts';

// Tables of numbers that are no grades, and certificates told by their title: each rule here came from a development
// miss of the corpus's fifth round (test/corpus/SOURCES.md). The corpus files are read through the real reading
// processes when the cache holds them; small texts of the same shape are classified always.
const EXTRACTION: ExtractionConfig = { ...TEST_LIMITS, threads: 1 };

const pool = new ExtractionPool(EXTRACTION);
afterAll(() => pool.close());

// pdfplumber's Los Angeles precinct bulletin (development part): contests and vote counts beside precinct numbers,
// which were taken for module codes, and with them the rows for a grade table — nothing said the numbers were grades.
const BULLETIN = cachedCorpusDocument('pdfplumber-la-precinct-bulletin-2014-p1.pdf');
const VOTES = [
  'Precinct Bulletin',
  'PCT 9001 GOVERNOR JERRY BROWN 121 NEEL KASHKARI 64',
  'PCT 9002 GOVERNOR JERRY BROWN 98 NEEL KASHKARI 71',
  'PCT 9003 GOVERNOR JERRY BROWN 145 NEEL KASHKARI 52',
  'PCT 9004 GOVERNOR JERRY BROWN 110 NEEL KASHKARI 80',
  'PCT 9005 GOVERNOR JERRY BROWN 87 NEEL KASHKARI 66',
  'PCT 9006 GOVERNOR JERRY BROWN 132 NEEL KASHKARI 59',
].join('\n');

describe('codes and numbers that nothing calls grades', () => {
  it.skipIf(BULLETIN === undefined)('does not read the precinct bulletin as a transcript', async () => {
    if (BULLETIN === undefined) return;
    const decision = await readCorpusKind(pool, BULLETIN);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
  });

  it('counts rows and codes only beside a word that says they are grades', () => {
    expect(classifyText(VOTES).scores.transcript ?? 0).toBe(0);
    const graded = classifyText(`${VOTES.replace('Precinct Bulletin', 'Course Credits Grade')}`);
    expect(graded.evidence.join('; ')).toMatch(/grade table \(6 rows\)/);
  });
});

// Tables of figures (development part): California's WARN report, Japan Airlines' traffic statistics, a loan
// obligation's deal summary ("Weighted Average Coupon … PASS") and a bank's table of restructured loans ("Credit card",
// "weighted average"): but for the airline's, a word of grades or credits was there, and so were amounts and
// thousands on many lines (the airline's table is told by the rule above: nothing calls its numbers grades).
const FIGURE_TABLES = [
  'pdfplumber-ca-warn-report.pdf',
  'pdfplumber-issue-53-example.pdf',
  'pymupdf-test-4017.pdf',
  'pymupdf-test-3725.pdf',
].map((file) => ({ file, doc: cachedCorpusDocument(file) }));
const LOANS = [
  'Troubled debt restructurings ($ in millions)',
  'Commercial and industrial $ 24 24 349 397 10.69',
  'Commercial real estate 12 112 124 0.92',
  'Residential mortgage 1 369 1,357 1,727 6 1.61',
  'Credit card 311 311 20.33',
  'Auto loans 2 7 63 72 16 4.33',
  'Total consumer 3 706 1,651 2,360 23 10.14',
  'Weighted average interest rate reduction 4.2',
].join('\n');

describe('a table of figures', () => {
  it.each(FIGURE_TABLES)('does not read $file as a transcript', async ({ doc }) => {
    if (doc === undefined) return;
    const decision = await readCorpusKind(pool, doc);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
  });

  it('counts no grade table where amounts and thousands fill the lines', () => {
    const decision = classifyText(LOANS);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence.join('; ')).not.toMatch(/grade table/);
  });

  it('still counts the rows of a record of grades', () => {
    const record = [
      'Course Credits Grade',
      'Linear Algebra 6 28',
      'Real Analysis 9 27',
      'Probability 6 30',
      'Weighted average 28.1',
    ].join('\n');
    expect(classifyText(record).evidence.join('; ')).toMatch(/grade table \(3 rows\)/);
  });
});

// PyMuPDF's blank EU certificate of origin (development part): a customs form for goods, titled "Certificat
// d'origine", was read as an applicant's certificate.
const ORIGIN = cachedCorpusDocument('pymupdf-test-3624.pdf');
const ORIGIN_TEXT = [
  'EUROPEAN COMMUNITY',
  'CERTIFICATE OF ORIGIN',
  '1. Consignor',
  '2. Consignee',
  '3. Country of origin',
  'The undersigned authority certifies that the goods described above originate in the country shown in box 3.',
].join('\n');

describe('certificates of goods', () => {
  it.skipIf(ORIGIN === undefined)('does not read the certificate of origin as a certificate', async () => {
    if (ORIGIN === undefined) return;
    const decision = await readCorpusKind(pool, ORIGIN);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
  });

  it('names a certificate of origin, conformity or analysis by its title as none of the kinds', () => {
    const decision = classifyText(ORIGIN_TEXT);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence[0]).toBe("title 'CERTIFICATE OF ORIGIN'");
  });
});

// pdfme's blank certificate design 'black' (development part): its title reads "ThisCertificate Is Awarded To", two
// words run together where the PDF places them apart.
const BLACK = cachedCorpusDocument('pdfme-certificate-black.pdf');

describe('title words run together', () => {
  it.skipIf(BLACK === undefined)('reads the certificate design as a certificate', async () => {
    if (BLACK === undefined) return;
    const decision = await readCorpusKind(pool, BLACK);
    expect(decision.kind, decision.evidence.join('; ')).toBe('certificate');
  });

  it('finds a title whose words run together at a capital', () => {
    const decision = classifyText('ThisCertificate Is Awarded To');
    expect(decision.kind, decision.evidence.join('; ')).toBe('certificate');
    expect(decision.evidence[0]).toBe("title 'ThisCertificate Is Awarded To'");
  });
});
