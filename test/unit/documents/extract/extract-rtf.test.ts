import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractRtf } from '../../../../src/documents/extract/rtf/extract-rtf.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import { cvWithTricks, HIDDEN_WORDS, TEST_LIMITS } from '../../../support/documents/sample-specs.ts';

describe('extractRtf', () => {
  it('reads paragraphs and table rows, decoding \\uN characters, leaving hidden text out', async () => {
    const result = await extractRtf(await buildDocument(cvWithTricks, 'rtf'), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'ok', format: 'rtf', reason: null });
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
    expect(result.text).not.toContain('Curriculum Vitae'); // \info is metadata
    for (const word of [HIDDEN_WORDS.white, HIDDEN_WORDS.tiny, HIDDEN_WORDS.vanish]) {
      expect(result.hiddenText).toContain(word);
    }
    expect([...result.hiddenReasons].sort()).toEqual(['hidden-formatting', 'microscopic-text', 'white-text']);
  });

  it("decodes \\'hh bytes in the document code page and in a font charset", async () => {
    const cyrillic = [...iconv.encode('Юлия', 'cp1251')].map((byte) => `\\'${byte.toString(16)}`).join('');
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset204 Arial Cyr;}}',
      "{\\f0 Ren\\'e9 M\\'fcller}\\par",
      `{\\f1 ${cyrillic}}\\par`,
      '{\\*\\generator Some Writer;}{\\field{\\*\\fldinst HYPERLINK "https://example.org"}{\\fldrslt Homepage}}\\par',
      '\\u24352?\\u20255?\\par}',
    ].join('\n');
    const result = await extractRtf(Buffer.from(rtf, 'latin1'), TEST_LIMITS);
    expect(result.text).toBe('René Müller\nЮлия\nHomepage\n张伟');
  });

  it('refuses a \\bin block claiming more bytes than the file has, without allocating them', async () => {
    const result = await extractRtf(Buffer.from('{\\rtf1 text \\bin2000000000 x}'), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'corrupt', format: 'rtf' });
  });

  it('reports a file without the RTF header as corrupt', async () => {
    expect(await extractRtf(Buffer.from('plain words'), TEST_LIMITS)).toMatchObject({ status: 'corrupt' });
  });
});
