import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { candidate, changed, digestInput, vacancy } from './digest-fixtures.ts';

const quietVacancies = () => [
  vacancy('robust-ai', [], [candidate('a'), candidate('b', { missing: ['transcript'] })]),
  vacancy('med-imaging', []),
];

describe('composeDigest', () => {
  it('returns null when nothing changed and empty digests are not wanted', () => {
    expect(composeDigest(digestInput(quietVacancies()))).toBeNull();
    expect(composeDigest(digestInput([]))).toBeNull();
  });

  it('composes a short "nothing new" digest, still with totals, when sendEmpty is set', () => {
    const digest = composeDigest(digestInput(quietVacancies(), { sendEmpty: true }));
    expect(digest).not.toBeNull();
    expect(digest?.subject).toBe('Applications digest: no new applications');
    expect(digest?.counts).toEqual({ new: 0, updated: 0 });
    expect(digest?.text).toContain('No new or updated applications since the last digest.');
    expect(digest?.text).toContain('All time: 2 candidates, 1 complete, 1 incomplete');
    expect(digest?.text).toContain('All time: 0 candidates, 0 complete, 0 incomplete');
    expect(digest?.html).toContain('No new or updated applications since the last digest.');
    expect(digest?.text).not.toContain('New applications');
    expect(digest?.text.split('\n').length).toBeLessThan(25);
    // The CSV of a vacancy with candidates still comes along; a vacancy without any has none.
    expect(digest?.attachments.map((attachment) => attachment.filename)).toEqual([
      'robust-ai-candidates.csv',
    ]);
  });

  it('counts new and updated candidates and names the vacancies with changes in the subject', () => {
    const digest = composeDigest(
      digestInput([
        vacancy('robust-ai', [
          changed(candidate('n1'), true),
          changed(candidate('n2'), true),
          changed(candidate('u1'), false),
        ]),
        vacancy('quiet', [], [candidate('q1')]),
        vacancy('med-imaging', [changed(candidate('n3'), true)]),
      ]),
    );
    expect(digest?.counts).toEqual({ new: 3, updated: 1 });
    expect(digest?.subject).toBe('Applications digest: 3 new, 1 updated — robust-ai, med-imaging');
  });

  it('leaves a zero count out of the subject', () => {
    const digest = composeDigest(digestInput([vacancy('robust-ai', [changed(candidate('u1'), false)])]));
    expect(digest?.subject).toBe('Applications digest: 1 updated — robust-ai');
  });

  it('attaches one CSV per vacancy with candidates and never an applicant document', () => {
    const digest = composeDigest(
      digestInput([
        vacancy('robust-ai', [changed(candidate('n1'), true)]),
        vacancy('med-imaging', [], [candidate('m1')]),
        vacancy('empty', []),
      ]),
    );
    expect(digest?.attachments.map((attachment) => attachment.filename)).toEqual([
      'robust-ai-candidates.csv',
      'med-imaging-candidates.csv',
    ]);
    for (const attachment of digest?.attachments ?? []) {
      expect(attachment.contentType).toBe('text/csv; charset=utf-8');
      expect(attachment.filename).not.toMatch(/\.pdf$/);
    }
  });

  it('says in words how far the deadline is, and when there is none', () => {
    const digest = composeDigest(
      digestInput(
        [
          vacancy('open', [changed(candidate('a'), true)], [], '2026-12-02T12:00:00Z'),
          vacancy('closed', [], [candidate('b')], '2026-11-20T12:00:00Z'),
          vacancy('rolling', [], [candidate('c')], null),
        ],
        { now: '2026-11-23T08:00:00Z' },
      ),
    );
    expect(digest?.text).toContain('Deadline: closes in 9 days (Wed 2 Dec, 12:00)');
    expect(digest?.text).toContain('Deadline: closed 3 days ago (Fri 20 Nov, 12:00)');
    expect(digest?.text).toContain('Deadline: no deadline');
  });
});
