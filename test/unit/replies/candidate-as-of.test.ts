import { describe, expect, it } from 'vitest';
import type { CandidateRecord, MessageRecord } from '../../../src/candidates/candidate-record.ts';
import type { DocumentKind } from '../../../src/config/schema.ts';
import { candidateAsOf } from '../../../src/replies/candidate-as-of.ts';

const message = (key: string, receivedAt: string): MessageRecord => ({
  key,
  messageId: key,
  subject: 's',
  receivedAt,
  mailbox: 'chen',
  uidValidity: '1',
  uid: 1,
  match: 'exact',
  replyTo: null,
  references: [],
  noReply: null,
  filedTo: null,
});
const document = (kind: DocumentKind, from: string) => ({
  filename: `${kind}.pdf`,
  safeName: `${kind}.pdf`,
  kind,
  contentType: 'application/pdf',
  size: 1,
  sha256: kind,
  message: from,
});
const first = message('<1>', '2026-11-01T10:00:00.000Z');
const followUp = message('<2>', '2026-11-01T10:05:00.000Z');
const merged: CandidateRecord = {
  id: 'c',
  vacancy: 'v',
  name: 'Bo',
  email: 'bo@example.net',
  documents: [document('cv', '<1>'), document('transcript', '<2>')],
  missing: [],
  flags: [],
  messages: [first, followUp],
  replies: [],
  firstSeen: first.receivedAt,
  lastSeen: followUp.receivedAt,
};

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
});
