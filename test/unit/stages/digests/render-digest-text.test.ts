import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { candidate, changed, digestInput, vacancy } from './digest-fixtures.ts';

const records = [
  candidate('amara', {
    name: 'Amara Okafor',
    email: 'amara.okafor@example.ac.uk',
    missing: ['transcript', 'reference'],
    flags: ['late', 'reply-failed'],
  }),
  candidate('li', { name: '李明', email: 'li.ming@example.edu.cn', missing: ['research'] }),
  candidate('nobody', { name: '', email: 'applicant1987@example.net' }),
  candidate('olena', {
    name: 'Olena Kovalenko',
    email: 'olena@example.com.ua',
    lastSeen: '2026-11-23T18:47:00Z',
  }),
];
const digest = composeDigest(
  digestInput([
    vacancy('robust-ai', [
      changed(records[0]!, true),
      changed(records[1]!, true),
      changed(records[2]!, true),
      changed(records[3]!, false, { degreeResult: 0.5 }),
    ]),
  ]),
);
const text = digest?.text ?? '';

describe('the text alternative', () => {
  it("contains every changed candidate's name, address and missing documents", () => {
    for (const name of ['Amara Okafor', '李明', '(no name)', 'Olena Kovalenko']) expect(text).toContain(name);
    for (const record of records) expect(text).toContain(record.email);
    expect(text).toContain('Missing: academic transcript, reference letter');
    expect(text).toContain('Missing: research paper, thesis or proposal');
  });

  it('contains documents, flags in words, folders, message counts and the fit score explanation', () => {
    expect(text).toContain('CV: amara-cv.pdf');
    expect(text).toContain('Flags: arrived after the deadline; acknowledgement refused by their server');
    expect(text).toContain('Filed in: Applications/robust-ai');
    expect(text).toContain('Received Mon 23 Nov, 09:00 · 1 message');
    expect(text).toContain('First seen Mon 23 Nov, 09:00; latest Mon 23 Nov, 18:47');
    expect(text).toContain('Fit score: no profile yet');
    expect(text).toContain(
      'Fit score: 1.5 (degree 0.5 × 3 = 1.5, publications 0 × 2 = 0, keywords 0 × 1 = 0)',
    );
    expect(text).toContain('Status: complete');
  });

  it('has no HTML in it', () => {
    expect(text).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>/]/i);
    expect(text).not.toMatch(/&(?:amp|lt|gt|quot|#\d+);/);
  });

  it('keeps lines to 100 characters when they have spaces to wrap at', () => {
    const long = candidate('long', {
      name: 'Maximiliana Theodora Wilhelmina von und zu Hohenzollern-Sigmaringen-Lichtenstein de la Vega y Ortega',
      missing: ['transcript', 'research', 'cover-letter', 'reference', 'certificate'],
    });
    const wide = composeDigest(digestInput([vacancy('robust-ai', [changed(long, true)])]))?.text ?? '';
    const lines = wide.split('\n');
    expect(lines.every((line) => line.length <= 100)).toBe(true);
    expect(wide.replace(/\s+/g, ' ')).toContain(
      'Missing: academic transcript, research paper, thesis or proposal, cover letter, reference letter,',
    );
  });

  it('strips control characters and direction overrides from values taken from mail', () => {
    const sneaky = candidate('sneaky', {
      name: 'Eve\u0007\r\nBcc: x@y\u202E',
      email: 'eve@example.org\u0000',
    });
    const body = composeDigest(digestInput([vacancy('robust-ai', [changed(sneaky, true)])]))?.text ?? '';
    expect(body).toContain('1. Eve Bcc: x@y <eve@example.org>');
    expect(body.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\u202E]/u);
  });
});
