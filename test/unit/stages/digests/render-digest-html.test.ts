import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { SAMPLE_DIGEST } from '../../../visual/sample-digest.ts';
import { candidate, changed, digestInput, vacancy } from './digest-fixtures.ts';

const hostile = candidate('hostile', {
  name: '<img src=x onerror=alert(1)>',
  email: 'x"><script>alert(2)</script>@example.org',
  missing: ['transcript'],
  flags: ['tag-variant', 'duplicate-document'],
  documents: [
    {
      filename: 'cv<svg onload=alert(3)>.pdf',
      safeName: 'cv.pdf',
      within: [],
      kind: 'cv',
      contentType: 'application/pdf',
      size: 1,
      sha256: 'h',
      message: '<h@mail>',
      reading: null,
    },
  ],
});
const quoted = candidate('quoted', { name: 'Bob & "Alice"', email: "o'brien@example.ie" });
const digest = composeDigest(
  digestInput(
    [
      vacancy('robust-ai', [changed(hostile, true), changed(quoted, false, { degreeResult: 0.7 })]),
      vacancy('quiet', [], [candidate('q')]),
    ],
    { signature: 'Dr <Chen> & team\nSchool of Informatics' },
  ),
);
const html = digest?.html ?? '';
const openingTags = (name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
// `color:` as its own declaration, not the tail of `background-color:`.
const setsTextColour = (tag: string) => /(?:^|[;"\s])color\s*:/i.test(tag.replace(/background-color/gi, ''));

describe('the HTML digest', () => {
  it('is a complete e-mail document that declares light and dark support', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark">');
    expect(html.trimEnd()).toMatch(/<\/body>\n<\/html>$/);
    expect(openingTags('table').length).toBeGreaterThan(3);
  });

  it('references nothing external and keeps all CSS inline', () => {
    const sample = composeDigest(SAMPLE_DIGEST)?.html.toLowerCase() ?? '';
    expect(sample).toContain('olena kovalenko');
    for (const banned of ['http://', 'https://', 'src=', '<link', '@import', 'url(', '<style', '<script']) {
      expect(sample).not.toContain(banned);
    }
    // Hostile values may put `src=` into the text (escaped), never into a tag.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags)
      expect(tag).not.toMatch(/src=|https?:|url\(|@import|<(?:link|style|script|img)\b/i);
  });

  it('sets a text colour on every table, cell and inline element that sets a background', () => {
    const painted = ['table', 'td', 'div', 'span', 'body']
      .flatMap(openingTags)
      .filter((tag) => /background/i.test(tag));
    expect(painted.length).toBeGreaterThan(10);
    for (const tag of painted) expect(tag, tag).toSatisfy(setsTextColour);
  });

  it('escapes hostile names, addresses and file names', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;@example.org');
    expect(html).toContain('cv&lt;svg onload=alert(3)&gt;.pdf');
    expect(html).toContain('Bob &amp; &quot;Alice&quot;');
    expect(html).toContain('o&#39;brien@example.ie');
    expect(html).toContain('Dr &lt;Chen&gt; &amp; team<br>School of Informatics');
    expect(html).not.toMatch(/<(?:img|svg|script)\b/i);
  });

  it('shows missing documents, flags in words, folders and the fit score', () => {
    expect(html).toContain('academic transcript');
    expect(html).toContain('tag written differently');
    expect(html).toContain('sent the same document more than once');
    expect(html).toContain('Applications/robust-ai');
    expect(html).toContain('2.1 (degree 0.7 × 3 = 2.1, publications 0 × 2 = 0, keywords 0 × 1 = 0)');
    expect(html).toContain('no profile yet');
    expect(html).toContain('Nothing new since the last digest.');
  });
});

describe('digest totals', () => {
  it('plural: "1 candidate in all" for one, "candidates" for two', () => {
    const labels = [...html.matchAll(/>(\d+)<\/div><div[^>]*>([^<]*in all)</g)].map(
      ([, count, label]) => `${count} ${label}`,
    );
    expect(labels).toEqual(['2 candidates in all', '1 candidate in all']);
  });
});
