import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../src/domain/document-kinds.ts';
import type { CandidateFlag, CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import { mergeCandidate, type IncomingApplication } from '../../../src/candidates/merge-candidate.ts';
import { messageRecord } from '../../support/records.ts';
import type { DocumentFacts } from '../../../src/documents/document-facts.ts';

const CANDIDATE = {
  id: 'robust-ai-3f9c2a1b0d4e',
  vacancy: 'robust-ai',
  required: ['cv', 'transcript'] as const,
};

function document(filename: string, kind: DocumentKind, sha256: string, index = 0): DocumentFacts {
  return {
    index,
    filename,
    safeName: filename,
    within: [],
    kind,
    contentType: 'application/pdf',
    size: 1000,
    sha256,
    reading: null,
  };
}

function application(
  key: string,
  receivedAt: string,
  options: { name?: string; documents?: DocumentFacts[]; flags?: CandidateFlag[]; uid?: number } = {},
): IncomingApplication {
  return {
    message: messageRecord(key, receivedAt, { uidValidity: '1700000000', uid: options.uid ?? 1 }),
    applicant: { name: options.name ?? 'Jane Doe', address: 'jane.doe@mail.example' },
    documents: options.documents ?? [],
    flags: options.flags ?? [],
  };
}

const CV = document('CV_Jane_Doe.pdf', 'cv', 'a'.repeat(64));
const TRANSCRIPT = document('Transcript.pdf', 'transcript', 'b'.repeat(64));
const PAPER = document('paper.pdf', 'research', 'c'.repeat(64));

/** Merges the applications in order, starting from no record. */
function mergeAll(...applications: IncomingApplication[]): CandidateRecord {
  let record: CandidateRecord | null = null;
  for (const incoming of applications) record = mergeCandidate(record, CANDIDATE, incoming).record;
  if (record === null) throw new Error('nothing merged');
  return record;
}

describe('mergeCandidate', () => {
  it('create: the first message creates the candidate with its documents and what is missing', () => {
    const result = mergeCandidate(
      null,
      CANDIDATE,
      application('<m1@mail.example>', '2025-01-14T08:12:44.000Z', { documents: [CV] }),
    );
    expect(result.outcome).toBe('created');
    expect(result.record).toMatchObject({
      id: 'robust-ai-3f9c2a1b0d4e',
      vacancy: 'robust-ai',
      name: 'Jane Doe',
      email: 'jane.doe@mail.example',
      missing: ['transcript'],
      flags: [],
      firstSeen: '2025-01-14T08:12:44.000Z',
      lastSeen: '2025-01-14T08:12:44.000Z',
    });
    expect(result.record.documents).toEqual([
      expect.objectContaining({
        filename: 'CV_Jane_Doe.pdf',
        kind: 'cv',
        sha256: CV.sha256,
        message: '<m1@mail.example>',
      }),
    ]);
    expect(result.record.messages).toEqual([
      {
        key: '<m1@mail.example>',
        messageId: '<m1@mail.example>',
        subject: '[PHD-robustAI] Application',
        receivedAt: '2025-01-14T08:12:44.000Z',
        mailbox: 'chen',
        uidValidity: '1700000000',
        uid: 1,
        match: 'exact',
        sender: '',
        replyTo: null,
        references: [],
        noReply: null,
        bodyProfile: null,
        filedTo: null,
      },
    ]);
  });

  it('merge: a follow-up adds its documents and recomputes missing', () => {
    const first = mergeCandidate(
      null,
      CANDIDATE,
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
    );
    const second = mergeCandidate(
      first.record,
      CANDIDATE,
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { documents: [TRANSCRIPT], uid: 2 }),
    );
    expect(second.outcome).toBe('merged');
    expect(second.record.documents.map((entry) => [entry.filename, entry.message])).toEqual([
      ['CV_Jane_Doe.pdf', '<m1@mail.example>'],
      ['Transcript.pdf', '<m2@mail.example>'],
    ]);
    expect(second.record.missing).toEqual([]);
    expect(second.record.messages.map((message) => message.key)).toEqual([
      '<m1@mail.example>',
      '<m2@mail.example>',
    ]);
  });

  it('merge-does-not-mutate: the existing record is left as it was', () => {
    const first = mergeCandidate(
      null,
      CANDIDATE,
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
    ).record;
    const snapshot = structuredClone(first);
    mergeCandidate(
      first,
      CANDIDATE,
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', {
        documents: [TRANSCRIPT],
        flags: ['late'],
      }),
    );
    expect(first).toEqual(snapshot);
  });

  it('missing-recomputed: nothing is missing when the vacancy requires nothing', () => {
    const result = mergeCandidate(
      null,
      { ...CANDIDATE, required: [] },
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z'),
    );
    expect(result.record.missing).toEqual([]);
  });

  it('missing-recomputed: a message without documents leaves every required kind missing, in vacancy order', () => {
    const result = mergeCandidate(
      null,
      CANDIDATE,
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z'),
    );
    expect(result.record.missing).toEqual(['cv', 'transcript']);
  });

  it('missing-recomputed: an optional or extra document does not fill a required kind', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { documents: [PAPER] }),
    );
    expect(record.missing).toEqual(['transcript']);
  });

  it('duplicate-message: the same key again → outcome duplicate, record unchanged', () => {
    const first = mergeCandidate(
      null,
      CANDIDATE,
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
    ).record;
    const snapshot = structuredClone(first);
    const again = mergeCandidate(
      first,
      CANDIDATE,
      // Redelivered under another UID, even with other facts: the key decides.
      application('<m1@mail.example>', '2025-01-20T08:00:00.000Z', {
        documents: [TRANSCRIPT],
        flags: ['late'],
        name: 'Someone Else',
        uid: 99,
      }),
    );
    expect(again.outcome).toBe('duplicate');
    expect(again.record).toBe(first);
    expect(again.record).toEqual(snapshot);
  });

  it('duplicate-message: a duplicate of an older (not the latest) message is still a duplicate', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z'),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z'),
    );
    expect(
      mergeCandidate(record, CANDIDATE, application('<m1@mail.example>', '2025-01-14T08:00:00.000Z')).outcome,
    ).toBe('duplicate');
  });

  it('duplicate-document: the same file (sha256) sent again is listed once and flags duplicate-document', () => {
    const resent = { ...CV, filename: 'CV (1).pdf', safeName: 'CV (1).pdf' };
    const result = mergeCandidate(
      mergeCandidate(
        null,
        CANDIDATE,
        application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
      ).record,
      CANDIDATE,
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { documents: [resent, TRANSCRIPT] }),
    );
    expect(result.outcome).toBe('merged');
    expect(result.record.documents.map((entry) => entry.filename)).toEqual([
      'CV_Jane_Doe.pdf',
      'Transcript.pdf',
    ]);
    expect(result.record.documents.filter((entry) => entry.sha256 === CV.sha256)).toHaveLength(1);
    expect(result.record.flags).toEqual(['duplicate-document']);
    expect(result.record.missing).toEqual([]);
  });

  it('duplicate-document-same-message: a file attached twice to one message is listed once and flagged', () => {
    const copy = { ...CV, index: 1, filename: 'CV (copy).pdf', safeName: 'CV (copy).pdf' };
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV, copy] }),
    );
    expect(record.documents.map((entry) => entry.filename)).toEqual(['CV_Jane_Doe.pdf']);
    expect(record.flags).toEqual(['duplicate-document']);
  });

  it('stored-document-shape: a stored document has exactly the record fields (no attachment index)', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
    );
    expect(Object.keys(record.documents[0] ?? {}).sort()).toEqual(
      [
        'contentType',
        'filename',
        'kind',
        'message',
        'reading',
        'safeName',
        'sha256',
        'size',
        'within',
      ].sort(),
    );
  });

  it('duplicate-document: the first copy keeps the message it came with', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { documents: [CV] }),
    );
    expect(record.documents).toHaveLength(1);
    expect(record.documents[0]?.message).toBe('<m1@mail.example>');
  });

  it('same-name-other-content: a revised CV with the same file name is a new document, not a duplicate', () => {
    const revised = { ...CV, sha256: 'd'.repeat(64) };
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { documents: [CV] }),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { documents: [revised] }),
    );
    expect(record.documents.map((entry) => entry.sha256)).toEqual([CV.sha256, revised.sha256]);
    expect(record.flags).not.toContain('duplicate-document');
  });

  it('first-last-seen: a message older than the record moves firstSeen back, lastSeen stays', () => {
    const record = mergeAll(
      application('<late@mail.example>', '2025-01-20T10:00:00.000Z'),
      application('<early@mail.example>', '2025-01-10T09:00:00.000Z'),
      application('<middle@mail.example>', '2025-01-15T09:00:00.000Z'),
    );
    expect(record.firstSeen).toBe('2025-01-10T09:00:00.000Z');
    expect(record.lastSeen).toBe('2025-01-20T10:00:00.000Z');
    expect(record.messages.map((message) => message.key)).toEqual([
      '<early@mail.example>',
      '<middle@mail.example>',
      '<late@mail.example>',
    ]);
  });

  it('first-last-seen: a newer message moves lastSeen forward only', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z'),
      application('<m2@mail.example>', '2025-01-16T08:00:00.000Z'),
    );
    expect([record.firstSeen, record.lastSeen]).toEqual([
      '2025-01-14T08:00:00.000Z',
      '2025-01-16T08:00:00.000Z',
    ]);
  });

  it('name: taken from the first message with a non-empty name, and kept afterwards', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { name: '' }),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { name: 'Jane Doe' }),
      application('<m3@mail.example>', '2025-01-16T08:00:00.000Z', { name: 'J. Doe (Mobile)' }),
    );
    expect(record.name).toBe('Jane Doe');
  });

  it('name: stays empty while no message carries one', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { name: '' }),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { name: '' }),
    );
    expect(record.name).toBe('');
  });

  it('flags: the union over all messages, each once, sorted', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { flags: ['tag-variant'] }),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z', { flags: ['tag-variant', 'late'] }),
      application('<m3@mail.example>', '2025-01-16T08:00:00.000Z', { flags: ['oversize-message'] }),
    );
    expect(record.flags).toEqual(['late', 'oversize-message', 'tag-variant']);
  });

  it('flags: never cleared by a later clean message', () => {
    const record = mergeAll(
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z', { flags: ['late'] }),
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z'),
    );
    expect(record.flags).toEqual(['late']);
  });

  it('filed-to-kept: merging a follow-up keeps where earlier messages were filed', () => {
    const first = mergeCandidate(
      null,
      CANDIDATE,
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z'),
    ).record;
    const filed: CandidateRecord = {
      ...first,
      messages: first.messages.map((message) => ({ ...message, filedTo: 'Applications/robust-ai' })),
    };
    const merged = mergeCandidate(
      filed,
      CANDIDATE,
      application('<m2@mail.example>', '2025-01-15T08:00:00.000Z'),
    ).record;
    expect(merged.messages.map((message) => message.filedTo)).toEqual(['Applications/robust-ai', null]);
  });

  it('existing-identity-kept: id, vacancy and email come from the existing record', () => {
    const first = mergeCandidate(
      null,
      CANDIDATE,
      application('<m1@mail.example>', '2025-01-14T08:00:00.000Z'),
    ).record;
    const followUp = application('<m2@mail.example>', '2025-01-15T08:00:00.000Z');
    followUp.applicant = { name: 'Jane Doe', address: 'jane.private@mail.example' };
    const merged = mergeCandidate(first, { ...CANDIDATE, id: 'other-id' }, followUp).record;
    expect([merged.id, merged.vacancy, merged.email]).toEqual([
      'robust-ai-3f9c2a1b0d4e',
      'robust-ai',
      'jane.doe@mail.example',
    ]);
  });
});
