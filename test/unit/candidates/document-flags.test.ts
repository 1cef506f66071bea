import { describe, expect, it } from 'vitest';
import { documentFlags } from '../../../src/candidates/document-flags.ts';
import { documentProfile, documentReading } from '../../support/profiles.ts';

const cvNamed = (name: string | null) => ({
  kind: 'cv' as const,
  reading: documentReading(documentProfile({ name })),
});

describe('documentFlags', () => {
  it('flags a document nothing could be read from', () => {
    for (const status of [
      'empty',
      'scan',
      'encrypted',
      'corrupt',
      'too-large',
      'timeout',
      'failed',
    ] as const) {
      const documents = [{ kind: 'transcript' as const, reading: documentReading(null, { status }) }];
      expect(documentFlags(documents, 'Jane Doe')).toEqual(['unreadable-document']);
    }
  });

  it('does not flag a format that is simply not read, or a document not read at all', () => {
    const unsupported = { kind: 'other' as const, reading: documentReading(null, { status: 'unsupported' }) };
    expect(documentFlags([unsupported, { kind: 'cv', reading: null }], 'Jane Doe')).toEqual([]);
  });

  it('flags hidden text', () => {
    const hidden = documentReading(documentProfile(), {
      hiddenReasons: ['white-text'],
      hiddenSample: 'PyTorch',
    });
    expect(documentFlags([{ kind: 'cv', reading: hidden }], '')).toEqual(['hidden-text']);
  });

  it('flags a CV whose name is someone else’s, but not a matching or unknown one', () => {
    expect(documentFlags([cvNamed('Robert Smith')], 'Jane Doe')).toEqual(['cv-name-mismatch']);
    expect(documentFlags([cvNamed('Jane A. Doe')], 'Jane Doe')).toEqual([]);
    expect(documentFlags([cvNamed('DOE, Jane')], 'Jane Doe')).toEqual([]);
    expect(documentFlags([cvNamed(null)], 'Jane Doe')).toEqual([]);
    expect(documentFlags([cvNamed('Robert Smith')], '')).toEqual([]);
  });
});
