import { Document, Header, Packer, Paragraph, ShadingType, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../../src/documents/extract/docx/extract-docx.ts';
import type { HiddenTextReason } from '../../../../src/documents/extraction.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import type { Block } from '../../../support/documents/document-spec.ts';
import { zipBomb } from '../../../support/documents/hostile-documents.ts';
import { cvWithTricks, HIDDEN_WORDS, TEST_LIMITS } from '../../../support/documents/sample-specs.ts';

const TRICKS: { style: NonNullable<Block['style']>; word: string; reason: HiddenTextReason }[] = [
  { style: 'hidden-white', word: HIDDEN_WORDS.white, reason: 'white-text' },
  { style: 'hidden-tiny', word: HIDDEN_WORDS.tiny, reason: 'microscopic-text' },
  { style: 'hidden-vanish', word: HIDDEN_WORDS.vanish, reason: 'hidden-formatting' },
];

describe('extractDocx', () => {
  it('reads paragraphs as lines and table rows as tab-separated cells, leaving hidden text out', async () => {
    const result = await extractDocx(await buildDocument(cvWithTricks, 'docx'), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'ok', format: 'docx', reason: null, truncated: false });
    expect(result.text.split('\n')).toEqual([
      'José Núñez',
      'Education',
      'MSc in Computer Science, Universität Zürich, 2024.',
      'Course\tGrade',
      'Machine Learning\t5.75',
      'Statistics\t5.5',
      'Skills',
      'Python, PyTorch and statistics.',
    ]);
  });

  it('keeps names in any script', async () => {
    const spec = { blocks: [{ text: 'Zoë Łukasiewicz · 张伟 · Юлия Соколова · محمد' }] };
    const result = await extractDocx(await buildDocument(spec, 'docx'), TEST_LIMITS);
    expect(result.text).toBe('Zoë Łukasiewicz · 张伟 · Юлия Соколова · محمد');
  });

  it.each(TRICKS)('moves $style text to hiddenText as $reason', async ({ style, word, reason }) => {
    const spec = { blocks: [{ text: 'Visible summary line' }, { text: `${word} keyword stuffing`, style }] };
    const result = await extractDocx(await buildDocument(spec, 'docx'), TEST_LIMITS);
    expect(result.text).toBe('Visible summary line');
    expect(result.hiddenText).toBe(`${word} keyword stuffing`);
    expect(result.hiddenReasons).toEqual([reason]);
  });

  it('finds text hidden through a character style, and reads white text on shading as visible', async () => {
    const document = new Document({
      styles: { characterStyles: [{ id: 'Sneaky', name: 'Sneaky', run: { vanish: true } }] },
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun('Plain '), new TextRun({ text: 'styled away', style: 'Sneaky' })],
            }),
            new Paragraph({
              children: [
                new TextRun({
                  text: 'Banner',
                  color: 'FFFFFF',
                  shading: { type: ShadingType.SOLID, color: '1F3A93' },
                }),
              ],
            }),
          ],
        },
      ],
    });
    const result = await extractDocx(await Packer.toBuffer(document), TEST_LIMITS);
    expect(result.text).toBe('Plain\nBanner');
    expect(result.hiddenText).toBe('styled away');
    expect(result.hiddenReasons).toEqual(['hidden-formatting']);
  });

  it('takes near-white text for white, but not light grey', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Light grey', color: 'BBBBBB' })] }),
            new Paragraph({ children: [new TextRun({ text: 'Almost white', color: 'FAFAF5' })] }),
          ],
        },
      ],
    });
    const result = await extractDocx(await Packer.toBuffer(document), TEST_LIMITS);
    expect(result).toMatchObject({
      text: 'Light grey',
      hiddenText: 'Almost white',
      hiddenReasons: ['white-text'],
    });
  });

  it('reads the page header before the body', async () => {
    const document = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('Ana Silva · ana@example.org')] }) },
          children: [new Paragraph('Research statement')],
        },
      ],
    });
    const result = await extractDocx(await Packer.toBuffer(document), TEST_LIMITS);
    expect(result.text).toBe('Ana Silva · ana@example.org\n\nResearch statement');
  });

  it.each(['declared', 'lying'] as const)(
    'refuses a decompression bomb (%s size) as too-large',
    async (kind) => {
      const result = await extractDocx(zipBomb(kind), TEST_LIMITS);
      expect(result).toMatchObject({ status: 'too-large', format: 'docx', text: '' });
      expect(result.reason).toMatch(/decompression bomb/);
    },
  );

  it('refuses an archive that unpacks to more than maxUnzippedBytes', async () => {
    const spec = {
      blocks: Array.from({ length: 400 }, (_, i) => ({ text: `Paragraph ${i} of a long document.` })),
    };
    const result = await extractDocx(await buildDocument(spec, 'docx'), {
      ...TEST_LIMITS,
      maxUnzippedBytes: 4096,
    });
    expect(result.status).toBe('too-large');
  });

  it('reports a zip without word/document.xml, or with broken XML, as corrupt', async () => {
    const notWord = Buffer.from(zipSync({ 'hello.txt': strToU8('hello') }));
    expect(await extractDocx(notWord, TEST_LIMITS)).toMatchObject({ status: 'corrupt' });
    const broken = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') }));
    expect(await extractDocx(broken, TEST_LIMITS)).toMatchObject({ status: 'corrupt' });
    expect(await extractDocx(Buffer.from('PK\u0003\u0004 not really a zip'), TEST_LIMITS)).toMatchObject({
      status: 'corrupt',
    });
  });
});
