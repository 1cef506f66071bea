import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { DIGEST_HTML_BYTES } from '../../../../src/stages/digests/fit-digest-size.ts';
import { crowdedDigestInput } from '../../../support/crowded-digest.ts';

const GMAIL_CLIPS_AT = 102 * 1024;

/** The ranks shown in the HTML table, in order. */
function tableRanks(html: string): number[] {
  return [...html.matchAll(/<tr valign="top" style="border-top:[^"]*"><td>(\d+)/g)].map((match) =>
    Number(match[1]),
  );
}

describe('a digest of 300 new applicants', () => {
  const digest = composeDigest(crowdedDigestInput(300));
  const html = digest?.html ?? '';
  const text = digest?.text ?? '';

  it('stays under the size limit, well under Gmail’s clipping', () => {
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(DIGEST_HTML_BYTES);
    expect(DIGEST_HTML_BYTES).toBeLessThan(GMAIL_CLIPS_AT);
  });

  it('puts the ranked table first, its first ranks in order, and says how many more the CSV has', () => {
    const ranks = tableRanks(html);
    expect(ranks.length).toBeGreaterThanOrEqual(100);
    expect(ranks).toEqual(ranks.map((_, index) => index + 1));
    const more = 300 - ranks.length;
    expect(html).toContain(`Ranking: the first ${ranks.length} of 300 candidates`);
    expect(html).toContain(`…and ${more} more candidates are ranked in the attached CSV.`);
    expect(text).toContain(`…and ${more} more candidates are ranked in the attached CSV.`);
    expect(html.indexOf('Ranking:')).toBeLessThan(html.indexOf('New applications'));
  });

  it('shows the degree, grade, institution, publications and keywords behind each rank', () => {
    expect(html).toContain('MSc Artificial Intelligence<br>Distinction ≈ 75 (First)');
    expect(html).toMatch(/<b>Applicant Number \d+<\/b><br>University of Edinburgh/);
    expect(html).toContain('2 (MICCAI, NeurIPS)');
    expect(html).toContain('PyTorch, robustness');
  });

  it('counts the cards left out and lists every candidate in the CSV', () => {
    const cards = html.match(/font-size:16px;line-height:22px;font-weight:700;/g)?.length ?? 0;
    expect(cards).toBeGreaterThan(0);
    expect(html).toContain('New applications (300)');
    expect(html).toContain(`…and ${300 - cards} more are described in the attached CSV.`);
    expect(digest?.attachments[0]?.content.trimEnd().split('\n')).toHaveLength(301);
  });
});

describe('a small digest', () => {
  it('is not cut: all candidates, no "…and N more" line', () => {
    const digest = composeDigest(crowdedDigestInput(3));
    expect(digest?.html).toContain('Ranking: all 3 candidates');
    expect(digest?.html).not.toContain('…and');
    expect(digest?.text).not.toContain('…and');
  });

  it('names what an incomplete candidate misses, and escapes a name carrying HTML, in the table', () => {
    const html = composeDigest(crowdedDigestInput(10))?.html ?? '';
    const table = html.slice(html.indexOf('Ranking:'), html.indexOf('New applications'));
    expect(table).toContain('missing: academic transcript');
    expect(table).toContain('<b>&lt;script&gt;alert(7)&lt;/script&gt; Mallory</b>');
    expect(html).not.toContain('<script>');
  });
});

describe('two crowded vacancies', () => {
  it('share the room: each shows its own top ranks', () => {
    const first = crowdedDigestInput(200, 1);
    const second = crowdedDigestInput(200, 2);
    const other = second.vacancies[0];
    if (other === undefined) throw new Error('no vacancy');
    const input = {
      ...first,
      vacancies: [
        ...first.vacancies,
        { ...other, vacancy: { ...other.vacancy, id: 'med-imaging', title: 'PhD in Medical Imaging' } },
      ],
    };
    const html = composeDigest(input)?.html ?? '';
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(DIGEST_HTML_BYTES);
    const headings = [...html.matchAll(/Ranking: the first (\d+) of 200 candidates/g)].map((match) =>
      Number(match[1]),
    );
    expect(headings).toHaveLength(2);
    expect(Math.min(...headings)).toBeGreaterThanOrEqual(40);
  });
});
