import { describe, expect, it } from 'vitest';
import { candidateRecord, documentRecord, messageRecord } from '../../../support/records.ts';
import { candidateAsOf } from '../../../../src/stages/replies/candidate-as-of.ts';

const first = messageRecord('<1>', '2026-11-01T10:00:00.000Z');
const followUp = messageRecord('<2>', '2026-11-01T10:05:00.000Z');
const merged = candidateRecord(
  [first, followUp],
  [documentRecord('cv', '<1>'), documentRecord('transcript', '<2>')],
  [],
);

describe('candidateAsOf', () => {
  it('ack-after-follow-up-merged: the acknowledgement still lists only the first message and what it lacked', () => {
    const asOf = candidateAsOf(merged, first, ['cv', 'transcript']);
    expect(asOf.documents.map((entry) => entry.kind)).toEqual(['cv']);
    expect(asOf.missing).toEqual(['transcript']);
  });

  it('the follow-up sees everything up to it', () => {
    const asOf = candidateAsOf(merged, followUp, ['cv', 'transcript']);
    expect(asOf.documents.map((entry) => entry.kind)).toEqual(['cv', 'transcript']);
    expect(asOf.missing).toEqual([]);
  });

  it("a referee's letter received before the message counts, one received after it does not", () => {
    const referee = { name: 'Dr J. Smith', address: 'j.smith@kcl.example' };
    const reference = (key: string, receivedAt: string) => ({
      key,
      messageId: key,
      subject: 'Reference for Jane',
      receivedAt,
      referee,
      linkedBy: { rule: 'name', detail: 'names "Jane"' },
      filedTo: null,
      mailbox: 'chen',
      noReply: null,
    });
    const withLetters = {
      ...merged,
      documents: [...merged.documents, documentRecord('reference', '<ref-early>')],
      references: [reference('<ref-early>', '2026-11-01T09:00:00.000Z')],
    };
    expect(candidateAsOf(withLetters, first, ['cv', 'reference']).missing).toEqual([]);
    const late = {
      ...withLetters,
      references: [reference('<ref-early>', '2026-11-01T11:00:00.000Z')],
    };
    expect(candidateAsOf(late, first, ['cv', 'reference']).missing).toEqual(['reference']);
  });
});
