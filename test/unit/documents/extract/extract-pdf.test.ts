import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../../src/documents/extract/pdf/extract-pdf.ts';
import type { HiddenTextReason } from '../../../../src/documents/extraction.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import type { Block } from '../../../support/documents/document-spec.ts';
import { corruptPdf } from '../../../support/documents/hostile-documents.ts';
import {
  cvWithTricks,
  HIDDEN_WORDS,
  manyPages,
  TEST_LIMITS,
  twoColumnCv,
} from '../../../support/documents/sample-specs.ts';

const TRICKS: { style: NonNullable<Block['style']>; word: string; reason: HiddenTextReason }[] = [
  { style: 'hidden-white', word: HIDDEN_WORDS.white, reason: 'white-text' },
  { style: 'hidden-tiny', word: HIDDEN_WORDS.tiny, reason: 'microscopic-text' },
  { style: 'hidden-offpage', word: HIDDEN_WORDS.offpage, reason: 'outside-page' },
  { style: 'hidden-vanish', word: HIDDEN_WORDS.vanish, reason: 'invisible-render-mode' },
];

describe('extractPdf', () => {
  it('reads a CV in reading order with its accents, table cells and page count, leaving hidden text out', async () => {
    const result = await extractPdf(await buildDocument(cvWithTricks, 'pdf'), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'ok', format: 'pdf', reason: null, pages: 1, truncated: false });
    const lines = result.text.split('\n');
    expect(lines[0]).toBe('José Núñez');
    expect(result.text).toContain('MSc in Computer Science, Universität Zürich, 2024.');
    expect(lines).toContain('Machine Learning\t5.75');
    expect(result.text.indexOf('Education')).toBeLessThan(result.text.indexOf('Skills'));
    for (const word of Object.values(HIDDEN_WORDS)) expect(result.text).not.toContain(word);
    expect(result.text).not.toContain('Curriculum Vitae'); // the title is metadata, not page text
  });

  it('keeps a two-column page column by column (content order), not line by line across', async () => {
    const { text } = await extractPdf(await buildDocument(twoColumnCv, 'pdf'), TEST_LIMITS);
    const positions = [
      'Left column starts',
      'Left column ends',
      'Right column starts',
      'Right column ends',
    ].map((marker) => text.indexOf(marker));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it.each(TRICKS)('moves $style text to hiddenText as $reason', async ({ style, word, reason }) => {
    const spec = { blocks: [{ text: 'Visible summary line' }, { text: `${word} keyword stuffing`, style }] };
    const result = await extractPdf(await buildDocument(spec, 'pdf'), TEST_LIMITS);
    expect(result.status).toBe('ok');
    expect(result.text).toBe('Visible summary line');
    expect(result.hiddenText).toBe(`${word} keyword stuffing`);
    expect(result.hiddenReasons).toContain(reason);
  });

  it('collects every trick of one document, each reason once', async () => {
    const result = await extractPdf(await buildDocument(cvWithTricks, 'pdf'), TEST_LIMITS);
    for (const word of Object.values(HIDDEN_WORDS)) expect(result.hiddenText).toContain(word);
    expect([...result.hiddenReasons].sort()).toEqual(TRICKS.map((trick) => trick.reason).sort());
  });

  it('reads white text on a coloured box as visible (a CV banner), but not white text beside it', async () => {
    const result = await extractPdf(await bannerPdf(), TEST_LIMITS);
    expect(result.text).toContain('Banner Name');
    expect(result.hiddenText).toBe('Hidden beside');
    expect(result.hiddenReasons).toEqual(['white-text']);
  });

  it('without finding hidden text, reads the text layer: the same lines, the hidden words among them', async () => {
    const pdf = await buildDocument(cvWithTricks, 'pdf');
    const found = await extractPdf(pdf, TEST_LIMITS);
    const plain = await extractPdf(pdf, TEST_LIMITS, { findHiddenText: false });
    expect(plain).toMatchObject({ status: 'ok', pages: 1, hiddenText: '', hiddenReasons: [] });
    expect(plain.text.split('\n')[0]).toBe('José Núñez');
    expect(plain.text.split('\n')).toContain('Machine Learning\t5.75');
    // White, microscopic and invisible text are read as any other (pdf.js leaves text off the page out of its layer).
    for (const word of [HIDDEN_WORDS.white, HIDDEN_WORDS.tiny, HIDDEN_WORDS.vanish]) {
      expect(plain.text).toContain(word);
    }
    // Every visible line the full reading finds is there too, in the same order.
    const lines = plain.text.split('\n');
    const positions = found.text.split('\n').map((line) => lines.indexOf(line));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const result = await extractPdf(
      await buildDocument(cvWithTricks, 'pdf', { password: 'secret' }),
      TEST_LIMITS,
    );
    expect(result).toMatchObject({ status: 'encrypted', text: '' });
    expect(result.reason).toMatch(/password/);
  });

  it.each(['garbage', 'truncated'] as const)('reports a %s PDF as corrupt', async (kind) => {
    const result = await extractPdf(await corruptPdf(kind), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'corrupt', format: 'pdf', text: '' });
  });

  it('reports a scan (pages that are only images) as empty, saying there is no text layer', async () => {
    const scan = await buildDocument(manyPages(2), 'pdf', { scanned: true });
    const result = await extractPdf(scan, TEST_LIMITS);
    expect(result).toMatchObject({ status: 'empty', text: '', pages: 2 });
    expect(result.reason).toMatch(/no text layer.*scan/);
  });

  it('reads at most maxPages pages and marks the text truncated', async () => {
    const pdf = await buildDocument(manyPages(5), 'pdf');
    const result = await extractPdf(pdf, { ...TEST_LIMITS, maxPages: 2 });
    expect(result).toMatchObject({ status: 'ok', pages: 5, truncated: true });
    expect(result.text).toContain('Page 2');
    expect(result.text).not.toContain('Page 3');
    expect(result.text).toMatch(/Line 3 of page 1[^\n]*\n\nPage 2/); // pages are separated by a blank line
  });
});

/** A dark banner with white text on it, and white text on the bare page beside it. */
async function bannerPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.rect(40, 40, 250, 40).fill('#1f3a93');
  doc.font('Helvetica').fontSize(18).fillColor('#ffffff').text('Banner Name', 50, 50);
  doc.fontSize(11).text('Hidden beside', 350, 50);
  doc.fillColor('#000000').text('Body text below the banner', 50, 120);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
