import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { candidate, changed, digestInput, vacancy } from './digest-fixtures.ts';

const declined = candidate('amara', {
  name: 'Amara Okafor',
  decision: {
    status: 'declined',
    at: '2026-11-24T10:05:00.000Z',
    via: 'folder',
    folder: 'Applications/robust-ai/Declined',
    message: 'amara-1',
  },
});
const undecided = candidate('li', { name: 'Li Ming' });
const digest = composeDigest(
  digestInput([vacancy('robust-ai', [changed(declined, false), changed(undecided, true)])]),
);

describe("a digest shows the supervisor's statuses", () => {
  it('in the ranked table: a Status column in the HTML, "status: …" on the text line, nothing for the undecided', () => {
    expect(digest?.html).toContain('>Status</th>');
    expect(digest?.html).toMatch(/<td>declined<\/td><td align="right">/);
    const lines = digest?.text.split('\n') ?? [];
    expect(lines.find((line) => line.startsWith('1. Amara Okafor (updated) —'))).toContain(
      'status: declined',
    );
    expect(lines.find((line) => line.startsWith('2. Li Ming (new) —'))).not.toContain('status:');
  });

  it('on the card: the status, where it came from and when', () => {
    expect(digest?.text).toMatch(
      / {3}Decision: declined \(moved to Applications\/robust-ai\/Declined, .+\)\n/,
    );
    expect(digest?.html).toContain('<b>declined (moved to Applications/robust-ai/Declined, ');
    expect(digest?.text.match(/Decision:/g)).toHaveLength(1);
  });
});
