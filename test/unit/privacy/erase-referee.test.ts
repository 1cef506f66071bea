import { describe, expect, it } from 'vitest';
import type { HeldReference } from '../../../src/candidates/held-reference.ts';
import { withReference } from '../../../src/candidates/with-reference.ts';
import { withoutReferee } from '../../../src/privacy/erase-referee.ts';
import { candidateRecord, documentRecord, heldReference, messageRecord } from '../../support/records.ts';

const REQUIRED = ['cv', 'transcript', 'reference'] as const;

function letter(key: string, name: string, address: string): HeldReference {
  const [document] = heldReference().documents;
  return heldReference({
    key,
    messageId: key,
    referee: { name, address },
    documents: [{ ...document!, filename: `${key}.pdf`, sha256: key }],
  });
}

// Priya's record with two letters from Dr Smith (one Smith wrote with a capitalised address) and one from Prof. Rossi.
function priyaWithLetters() {
  const link = { candidateId: 'robust-ai-c0ffee', rule: 'name' as const, detail: 'names "Priya Raman"' };
  const record = {
    ...candidateRecord(
      [messageRecord('<priya@mail.example>', '2026-11-19T18:00:00.000Z')],
      [documentRecord('cv', '<priya@mail.example>')],
      ['transcript', 'reference'],
    ),
    name: 'Priya Raman',
    email: 'priya@mail.example',
  };
  return [
    letter('<smith-1@kcl.example>', 'Dr John Smith', 'j.smith@kcl.example'),
    letter('<rossi@polimi.example>', 'Prof. Maria Rossi', 'm.rossi@polimi.example'),
    letter('<smith-2@kcl.example>', 'Dr John Smith', 'J.Smith@KCL.example'),
  ].reduce((linked, held) => withReference(linked, held, link, REQUIRED, '2026-11-21T00:00:00Z'), record);
}

describe('withoutReferee', () => {
  it("takes the referee's letters, their documents and their name off the record, and keeps the other referee's", () => {
    const erased = withoutReferee(
      priyaWithLetters(),
      'J.Smith@kcl.example',
      REQUIRED,
      '2026-12-01T00:00:00Z',
    );
    expect(erased?.letters.map((reference) => reference.key)).toEqual([
      '<smith-1@kcl.example>',
      '<smith-2@kcl.example>',
    ]);
    expect(erased?.documents).toBe(2);
    const record = erased?.record;
    expect(record?.references.map((reference) => reference.key)).toEqual(['<rossi@polimi.example>']);
    expect(record?.documents.map((document) => document.message)).toEqual([
      '<priya@mail.example>',
      '<rossi@polimi.example>',
    ]);
    expect(record?.missing).toEqual(['transcript']);
    expect(JSON.stringify(record)).not.toMatch(/smith/i);
    expect(record?.history.map((entry) => entry.action)).toEqual([
      'reference',
      'reference',
      'reference',
      'erasure',
    ]);
    expect(record?.history[1]?.detail).toContain('Prof. Maria Rossi');
    expect(record?.history.at(-1)?.detail).toBe(
      '2 letters of one referee and 2 documents removed (triage forget of the referee)',
    );
  });

  it('recomputes what is missing when the only letter goes, and is null for someone who wrote none', () => {
    const only = withoutReferee(
      priyaWithLetters(),
      'm.rossi@polimi.example',
      REQUIRED,
      '2026-12-01T00:00:00Z',
    );
    const again = withoutReferee(only!.record, 'm.rossi@polimi.example', REQUIRED, '2026-12-01T00:00:00Z');
    expect(again).toBeNull();
    const none = withoutReferee(priyaWithLetters(), 'priya@mail.example', REQUIRED, '2026-12-01T00:00:00Z');
    expect(none).toBeNull();
    const all = withoutReferee(
      withoutReferee(only!.record, 'j.smith@kcl.example', REQUIRED, '2026-12-01T00:00:00Z')!.record,
      'j.smith@kcl.example',
      REQUIRED,
      '2026-12-01T00:00:00Z',
    );
    expect(all).toBeNull();
    expect(
      withoutReferee(only!.record, 'j.smith@kcl.example', REQUIRED, '2026-12-01T00:00:00Z')?.record.missing,
    ).toEqual(['transcript', 'reference']);
  });
});
