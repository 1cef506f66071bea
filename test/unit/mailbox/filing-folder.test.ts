import { describe, expect, it } from 'vitest';
import { filingFolder } from '../../../src/mailbox/filing-folder.ts';

describe('filingFolder', () => {
  it('slash-delimiter: Applications/robust-ai (Dovecot default)', () => {
    expect(filingFolder('Applications', { prefix: '', delimiter: '/' }, 'robust-ai')).toBe(
      'Applications/robust-ai',
    );
  });

  it('dot-delimiter: Applications.robust-ai (Courier, Cyrus)', () => {
    expect(filingFolder('Applications', { prefix: '', delimiter: '.' }, 'robust-ai')).toBe(
      'Applications.robust-ai',
    );
  });

  it('namespace-prefix: INBOX.Applications.robust-ai on servers whose folders live under INBOX.', () => {
    expect(filingFolder('Applications', { prefix: 'INBOX.', delimiter: '.' }, 'robust-ai')).toBe(
      'INBOX.Applications.robust-ai',
    );
  });

  it('filing-already-prefixed: "INBOX.Applications" is not prefixed twice', () => {
    expect(filingFolder('INBOX.Applications', { prefix: 'INBOX.', delimiter: '.' }, 'robust-ai')).toBe(
      'INBOX.Applications.robust-ai',
    );
  });

  it('filing-already-prefixed-with-slash: "INBOX/Applications" becomes INBOX.Applications, not prefixed twice', () => {
    expect(filingFolder('INBOX/Applications', { prefix: 'INBOX.', delimiter: '.' }, 'robust-ai')).toBe(
      'INBOX.Applications.robust-ai',
    );
  });

  it('null-delimiter: a flat namespace falls back to "/"', () => {
    expect(filingFolder('Applications', { prefix: '', delimiter: null }, 'robust-ai')).toBe(
      'Applications/robust-ai',
    );
  });

  it('empty-delimiter: treated like a missing one', () => {
    expect(filingFolder('Applications', { prefix: '', delimiter: '' }, 'robust-ai')).toBe(
      'Applications/robust-ai',
    );
  });

  it('nested-filing-dot: Applications/2026 with "." → Applications.2026.robust-ai', () => {
    expect(filingFolder('Applications/2026', { prefix: '', delimiter: '.' }, 'robust-ai')).toBe(
      'Applications.2026.robust-ai',
    );
  });

  it('nested-filing-dot-prefixed: Applications/2026 under INBOX. → INBOX.Applications.2026.robust-ai', () => {
    expect(filingFolder('Applications/2026', { prefix: 'INBOX.', delimiter: '.' }, 'robust-ai')).toBe(
      'INBOX.Applications.2026.robust-ai',
    );
  });

  it('nested-filing-slash: Applications/2026 stays as written with "/"', () => {
    expect(filingFolder('Applications/2026', { prefix: '', delimiter: '/' }, 'robust-ai')).toBe(
      'Applications/2026/robust-ai',
    );
  });

  it('prefix-with-slash-delimiter: a "/" namespace prefix is honoured', () => {
    expect(filingFolder('Applications', { prefix: 'INBOX/', delimiter: '/' }, 'med-imaging')).toBe(
      'INBOX/Applications/med-imaging',
    );
  });

  it('one folder per vacancy: two vacancies never share a folder', () => {
    const namespace = { prefix: 'INBOX.', delimiter: '.' };
    expect(filingFolder('Applications', namespace, 'robust-ai')).not.toBe(
      filingFolder('Applications', namespace, 'med-imaging'),
    );
  });
});
