import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractOdt } from '../../../../src/documents/extract/odt/extract-odt.ts';
import type { HiddenTextReason } from '../../../../src/documents/extraction.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import type { Block } from '../../../support/documents/document-spec.ts';
import { cvWithTricks, HIDDEN_WORDS, TEST_LIMITS } from '../../../support/documents/sample-specs.ts';

const TRICKS: { style: NonNullable<Block['style']>; word: string; reason: HiddenTextReason }[] = [
  { style: 'hidden-white', word: HIDDEN_WORDS.white, reason: 'white-text' },
  { style: 'hidden-tiny', word: HIDDEN_WORDS.tiny, reason: 'microscopic-text' },
  { style: 'hidden-vanish', word: HIDDEN_WORDS.vanish, reason: 'hidden-formatting' },
];

describe('extractOdt', () => {
  it('reads paragraphs, headings and table rows, leaving hidden text out', async () => {
    const result = await extractOdt(await buildDocument(cvWithTricks, 'odt'), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'ok', format: 'odt', reason: null });
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
    expect([...result.hiddenReasons].sort()).toEqual(['hidden-formatting', 'microscopic-text', 'white-text']);
  });

  it('keeps names in any script, repeated spaces and tabs', async () => {
    const spec = { blocks: [{ text: 'Zoë Łukasiewicz · 张伟 · Юлия' }, { text: 'Name:\tA  B' }] };
    const result = await extractOdt(await buildDocument(spec, 'odt'), TEST_LIMITS);
    expect(result.text).toBe('Zoë Łukasiewicz · 张伟 · Юлия\nName:\tA  B');
  });

  it.each(TRICKS)('moves $style text to hiddenText as $reason', async ({ style, word, reason }) => {
    const spec = { blocks: [{ text: 'Visible summary line' }, { text: `${word} keyword stuffing`, style }] };
    const result = await extractOdt(await buildDocument(spec, 'odt'), TEST_LIMITS);
    expect(result.text).toBe('Visible summary line');
    expect(result.hiddenText).toBe(`${word} keyword stuffing`);
    expect(result.hiddenReasons).toEqual([reason]);
  });

  it('refuses an archive that unpacks to more than maxUnzippedBytes as too-large', async () => {
    const result = await extractOdt(await buildDocument(cvWithTricks, 'odt'), {
      ...TEST_LIMITS,
      maxUnzippedBytes: 2048,
    });
    expect(result.status).toBe('too-large');
  });

  it('reports a password-protected document as encrypted', async () => {
    const manifest =
      '<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>';
    const odt = Buffer.from(
      zipSync({
        mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'META-INF/manifest.xml': strToU8(manifest),
        'content.xml': new Uint8Array([0x9c, 0x11, 0x02, 0x77]),
      }),
    );
    expect(await extractOdt(odt, TEST_LIMITS)).toMatchObject({ status: 'encrypted', format: 'odt' });
  });
});
