import { describe, expect, it } from 'vitest';
import type { HeldReference } from '../../../../../src/candidates/held-reference.ts';
import { withReference, withReferenceFiled } from '../../../../../src/candidates/with-reference.ts';
import {
  findReferenceCandidate,
  matchReference,
} from '../../../../../src/stages/ingest/referees/link-reference.ts';
import { sameName } from '../../../../../src/documents/applicant-names.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../../../support/records.ts';

function held(changes: Partial<HeldReference> = {}): HeldReference {
  return {
    key: '<ref@kcl.example>',
    mailbox: 'chen',
    uidValidity: '7',
    uid: 3,
    messageId: '<ref@kcl.example>',
    subject: 'Reference for Priya Raman',
    receivedAt: '2026-11-20T09:00:00.000Z',
    referee: { name: 'Dr John Smith', address: 'j.smith@kcl.example' },
    vacancy: null,
    names: ['Priya Raman'],
    addresses: [],
    threadIds: [],
    evidence: "referee's mail (score 7)",
    noReply: null,
    documents: [{ ...documentRecord('reference', ''), filename: 'Reference.pdf' }].map(
      ({ message: _message, ...document }) => document,
    ),
    ...changes,
  };
}

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
    expect(matchReference(held({ threadIds: ['<priya@mail.example>'] }), candidate)).toEqual({
      candidateId: candidate.id,
      rule: 'thread',
      detail: 'replies to <priya@mail.example>',
    });
    expect(matchReference(held({ names: [], addresses: ['priya@mail.example'] }), candidate)?.rule).toBe(
      'address',
    );
    expect(matchReference(held({ names: ['Raman, Priya'] }), candidate)).toMatchObject({
      rule: 'name',
      detail: 'names "Raman, Priya"',
    });
  });

  it('never to another vacancy than its tag names, nor to the referee own candidacy', () => {
    expect(matchReference(held({ vacancy: 'med-imaging' }), priya())).toBeNull();
    expect(matchReference(held(), priya({ email: 'j.smith@kcl.example' }))).toBeNull();
  });

  it('waits rather than guess between two candidates of the same name', () => {
    const two = [priya(), priya({ id: 'robust-ai-other', email: 'p.raman@other.example' })];
    expect(findReferenceCandidate(held(), two)).toBeNull();
    const quoted = held({ addresses: ['p.raman@other.example'] });
    expect(findReferenceCandidate(quoted, two)?.candidateId).toBe('robust-ai-other');
  });

  it('withReference adds the letter, recomputes missing, records the referee and history once', () => {
    const link = { candidateId: 'robust-ai-c0ffee', rule: 'name' as const, detail: 'names "Priya Raman"' };
    const once = withReference(
      priya(),
      held(),
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
    const twice = withReference(once, held(), link, ['cv'], '2026-11-22T00:00:00Z');
    expect(twice).toBe(once);
    expect(
      withReferenceFiled(once, '<ref@kcl.example>', 'Applications/robust-ai').references[0]?.filedTo,
    ).toBe('Applications/robust-ai');
  });
});
