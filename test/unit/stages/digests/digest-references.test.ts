import { describe, expect, it } from 'vitest';
import type { ReferenceRecord } from '../../../../src/candidates/candidate-record.ts';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { candidate, changed, digestInput, vacancy } from './digest-fixtures.ts';

function reference(name: string, address: string): ReferenceRecord {
  return {
    key: `<${address}>`,
    messageId: `<${address}>`,
    subject: 'Reference for Priya Raman',
    receivedAt: '2026-11-20T09:00:00.000Z',
    referee: { name, address },
    linkedBy: { rule: 'name', detail: 'names "Priya Raman"' },
    filedTo: 'Applications/robust-ai',
    mailbox: 'chen',
    noReply: null,
  };
}

describe('referees in the digest', () => {
  const priya = candidate('priya', {
    name: 'Priya Raman',
    references: [
      reference('Dr J. Smith', 'j.smith@kcl.example'),
      reference('Prof. M. Rossi', 'm.rossi@polimi.example'),
    ],
  });
  const digest = composeDigest(
    digestInput([vacancy('robust-ai', [changed(priya, true), changed(candidate('b'), true)])]),
  );

  it('the card and the ranked table say "references: 2 (Dr J. Smith, Prof. M. Rossi)", in text and HTML', () => {
    expect(digest?.text).toContain('   References: 2 (Dr J. Smith, Prof. M. Rossi)');
    expect(digest?.text).toMatch(/Priya Raman \(new\) — .*references: 2 \(Dr J\. Smith, Prof\. M\. Rossi\)/);
    expect(digest?.html).toContain('references: 2 (Dr J. Smith, Prof. M. Rossi)');
    expect(digest?.html).toMatch(/References<\/td>\s*<td[^>]*>2 \(Dr J\. Smith, Prof\. M\. Rossi\)/);
  });

  it('a candidate without referees shows no references line, and the CSV has the column', () => {
    expect(digest?.text.match(/References:/g)).toHaveLength(1);
    const csv = digest?.attachments[0]?.content ?? '';
    expect(csv).toContain(',"2 (Dr J. Smith, Prof. M. Rossi)"');
  });

  it("a hostile referee's name is one line without control characters, HTML-escaped", () => {
    const hostile = candidate('hostile', {
      name: 'Priya Raman',
      references: [reference('Dr Eve\u001b[31m\r\nBcc: x@evil.example <script>', 'eve@evil.example')],
    });
    const mail = composeDigest(digestInput([vacancy('robust-ai', [changed(hostile, true)])]));
    const line = mail?.text.split('\n').find((entry) => entry.startsWith('   References:')) ?? '';
    expect(line).toContain('Bcc: x@evil.example');
    expect(line).not.toMatch(/\p{Cc}/u);
    expect(mail?.text).not.toMatch(/^Bcc:/m);
    expect(mail?.html).not.toContain('<script>');
  });
});
