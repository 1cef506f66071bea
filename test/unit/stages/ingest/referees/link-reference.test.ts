import { describe, expect, it } from 'vitest';
import { withReference, withReferenceFiled } from '../../../../../src/candidates/with-reference.ts';
import {
  findReferenceCandidate,
  matchReference,
} from '../../../../../src/stages/ingest/referees/link-reference.ts';
import { sameName } from '../../../../../src/documents/applicant-names.ts';
import {
  candidateRecord,
  documentRecord,
  heldReference,
  messageRecord,
} from '../../../../support/records.ts';

function priya(changes: { name?: string; email?: string; vacancy?: string; id?: string } = {}) {
  const record = candidateRecord(
    [messageRecord('<priya@mail.example>', '2026-11-19T18:00:00.000Z')],
    [documentRecord('cv', '<priya@mail.example>')],
    ['transcript', 'reference'],
  );
  return { ...record, name: 'Priya Raman', email: 'priya@mail.example', ...changes };
}

describe('sameName', () => {
  it.each([
    ['Priya Raman', 'Raman, Priya', true],
    ['Priya Raman', 'PRIYA RAMAN', true],
    ['Lucía Fernández', 'Lucia Fernandez', true],
    ['Priya Raman', 'Priya S. Raman', true],
    ['Ms Priya Raman', 'Priya Raman', true],
    ['王小明', '王小明', true],
    ['Priya Raman', 'Priya Ramanathan', false],
    ['Priya', 'Priya Raman', false],
    ['Anil Raman', 'Priya Raman', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
  });
});

describe('linking a referee mail', () => {
  it('by thread first, then quoted address, then name', () => {
    const candidate = priya();
    expect(matchReference(heldReference({ threadIds: ['<priya@mail.example>'] }), candidate)).toEqual({
      candidateId: candidate.id,
      rule: 'thread',
      detail: 'replies to <priya@mail.example>',
    });
    expect(
      matchReference(heldReference({ names: [], addresses: ['priya@mail.example'] }), candidate)?.rule,
    ).toBe('address');
    expect(matchReference(heldReference({ names: ['Raman, Priya'] }), candidate)).toMatchObject({
      rule: 'name',
      detail: 'names "Raman, Priya"',
    });
  });

  it('never to another vacancy than its tag names, nor to the referee own candidacy', () => {
    expect(matchReference(heldReference({ vacancy: 'med-imaging' }), priya())).toBeNull();
    expect(matchReference(heldReference(), priya({ email: 'j.smith@kcl.example' }))).toBeNull();
  });

  it('waits rather than guess between two candidates of the same name', () => {
    const two = [priya(), priya({ id: 'robust-ai-other', email: 'p.raman@other.example' })];
    expect(findReferenceCandidate(heldReference(), two)).toBeNull();
    const quoted = heldReference({ addresses: ['p.raman@other.example'] });
    expect(findReferenceCandidate(quoted, two)?.candidateId).toBe('robust-ai-other');
  });

  it('withReference adds the letter, recomputes missing, records the referee and history once', () => {
    const link = { candidateId: 'robust-ai-c0ffee', rule: 'name' as const, detail: 'names "Priya Raman"' };
    const once = withReference(
      priya(),
      heldReference(),
      link,
      ['cv', 'transcript', 'reference'],
      '2026-11-21T00:00:00Z',
    );
    expect(once.documents.map((document) => [document.filename, document.kind, document.message])).toEqual([
      ['cv.pdf', 'cv', '<priya@mail.example>'],
      ['Reference.pdf', 'reference', '<ref@kcl.example>'],
    ]);
    expect(once.missing).toEqual(['transcript']);
    expect(once.references).toMatchObject([
      { referee: { name: 'Dr John Smith' }, linkedBy: { rule: 'name', detail: link.detail }, filedTo: null },
    ]);
    expect(once.history).toEqual([
      {
        at: '2026-11-21T00:00:00Z',
        action: 'reference',
        by: 'daemon',
        detail: `letter from Dr John Smith (<ref@kcl.example>) linked by name: names "Priya Raman"; referee's mail (score 7)`,
      },
    ]);
    const twice = withReference(once, heldReference(), link, ['cv'], '2026-11-22T00:00:00Z');
    expect(twice).toBe(once);
    expect(
      withReferenceFiled(once, '<ref@kcl.example>', 'Applications/robust-ai').references[0]?.filedTo,
    ).toBe('Applications/robust-ai');
  });
});
