import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../../../src/documents/extract/extract-plain-text.ts';
import { extractHtml } from '../../../../src/documents/extract/html/extract-html.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import { cvWithTricks, HIDDEN_WORDS, TEST_LIMITS } from '../../../support/documents/sample-specs.ts';

describe('extractHtml', () => {
  it('reads headings and paragraphs as lines, without images, scripts or link targets', async () => {
    const html =
      '<html><head><title>T</title><style>p{}</style><script>var secret = 1;</script></head><body>' +
      '<h1>Zoë Łukasiewicz</h1><p>PhD applicant, <a href="https://example.org/cv">homepage</a>.</p>' +
      '<img src="photo.png" alt="A portrait"><p>Line one<br>Line two</p></body></html>';
    const result = await extractHtml(Buffer.from(html), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'ok', format: 'html', reason: null });
    expect(result.text).toBe('Zoë Łukasiewicz\n\nPhD applicant, homepage.\n\nLine one\nLine two');
  });

  it('keeps text hidden by inline CSS apart, with its reasons', async () => {
    const result = await extractHtml(await buildDocument(cvWithTricks, 'html'), TEST_LIMITS);
    expect(result.text).toContain('José Núñez');
    expect(result.text).toContain('Machine Learning');
    for (const word of Object.values(HIDDEN_WORDS)) {
      expect(result.text).not.toContain(word);
      expect(result.hiddenText).toContain(word);
    }
    expect([...result.hiddenReasons].sort()).toEqual(['hidden-formatting', 'microscopic-text', 'white-text']);
  });

  it('reads hidden elements holding comments (regression: comment nodes have no children)', async () => {
    const html = '<p>Shown</p><p style="display: none !important">Hid<!-- note -->den</p>';
    const result = await extractHtml(Buffer.from(html), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'ok', text: 'Shown', hiddenText: 'Hidden' });
    expect(result.hiddenReasons).toEqual(['hidden-formatting']);
  });

  it('decodes the charset its meta tag declares', async () => {
    const html = iconv.encode(
      '<html><head><meta charset="windows-1251"></head><body><p>Юлия</p></body></html>',
      'cp1251',
    );
    expect((await extractHtml(html, TEST_LIMITS)).text).toBe('Юлия');
  });
});

describe('extractPlainText', () => {
  it('reads UTF-8, UTF-8 and UTF-16 with a byte-order mark, and windows-1252', async () => {
    const text = 'Zoë Müller — 张伟';
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const bytes of [Buffer.from(text), bom, utf16]) {
      expect(await extractPlainText(bytes, TEST_LIMITS)).toMatchObject({ status: 'ok', text });
    }
    const latin = iconv.encode('Zoë Müller – CV', 'windows-1252');
    expect((await extractPlainText(latin, TEST_LIMITS)).text).toBe('Zoë Müller – CV');
  });

  it('reads a text fixture, which cannot hide anything', async () => {
    const result = await extractPlainText(await buildDocument(cvWithTricks, 'txt'), TEST_LIMITS);
    expect(result.text).toContain('Machine Learning\t5.75');
    expect(result.hiddenText).toBe('');
  });

  it('calls binary data unsupported and blank text empty', async () => {
    const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    expect(await extractPlainText(binary, TEST_LIMITS)).toMatchObject({ status: 'unsupported', text: '' });
    expect(await extractPlainText(Buffer.from(' \n\t\n'), TEST_LIMITS)).toMatchObject({ status: 'empty' });
  });
});
