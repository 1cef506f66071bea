import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import { isTriageError } from '../../../src/errors/triage-error.ts';
import { findMessage, planSplit } from '../../../src/operator/split-message.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';

const AT = '2026-03-10T09:00:00.000Z';
const NEW = { id: 'robust-ai-cccccccccccc', email: 'omar@example.net', name: 'Omar Haddad' };

// Jane's application, and a colleague's mail in her thread that was merged into her record with a CV.
function janeWithOmar(): CandidateRecord {
  const jane = messageRecord('<jane-1@example.org>', '2026-03-01T10:00:00.000Z', {
    sender: 'jane@example.org',
  });
  const omar = messageRecord('<Omar-1@Example.Net>', '2026-03-02T10:00:00.000Z', {
    sender: 'omar@example.net',
    uid: 2,
  });
  return {
    ...candidateRecord(
      [jane, omar],
      [documentRecord('transcript', jane.key), documentRecord('cv', omar.key)],
      [],
    ),
    acknowledges: jane.key,
  };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return isTriageError(error, 'input-invalid') ? error.message : 'another error';
  }
  return 'no error';
}

describe('planSplit', () => {
  it("moves a message and the CV it brought to its sender's new candidate; both recompute what is missing", () => {
    const plan = planSplit(janeWithOmar(), '<Omar-1@Example.Net>', null, NEW, ['cv', 'transcript'], AT);
    expect(plan.created).toBe(true);
    expect(plan.source.messages.map((message) => message.key)).toEqual(['<jane-1@example.org>']);
    expect(plan.source.documents.map((document) => document.kind)).toEqual(['transcript']);
    expect(plan.source.missing).toEqual(['cv']);
    expect(plan.source.lastSeen).toBe('2026-03-01T10:00:00.000Z');
    expect(plan.source.acknowledges).toBe('<jane-1@example.org>');
    expect(plan.target).toMatchObject({
      id: 'robust-ai-cccccccccccc',
      vacancy: 'robust-ai',
      email: 'omar@example.net',
      name: 'Omar Haddad',
      missing: ['transcript'],
      firstSeen: '2026-03-02T10:00:00.000Z',
      acknowledges: null,
    });
    expect(plan.target.documents.map((document) => document.kind)).toEqual(['cv']);
    expect(plan.threadIds).toEqual(['<Omar-1@Example.Net>', '<omar-1@example.net>']);
    expect(plan.source.history).toEqual([
      {
        at: AT,
        action: 'split',
        by: 'operator',
        detail: 'moved <Omar-1@Example.Net> with 1 document to robust-ai-cccccccccccc',
      },
    ]);
    expect(plan.target.history).toEqual([
      {
        at: AT,
        action: 'split',
        by: 'operator',
        detail: 'received <Omar-1@Example.Net> with 1 document from robust-ai-c0ffee',
      },
    ]);
    expect(plan.summary).toBe(
      'moved <Omar-1@Example.Net> with 1 document from robust-ai-c0ffee to robust-ai-cccccccccccc (new candidate)',
    );
  });

  it('to an existing candidate: its documents and mail stay, a file it already has is not listed twice', () => {
    const own = messageRecord('<omar-0@example.net>', '2026-02-20T10:00:00.000Z', {
      sender: 'omar@example.net',
    });
    const omar: CandidateRecord = {
      ...candidateRecord([own], [documentRecord('cv', own.key)], ['transcript']),
      id: NEW.id,
      email: NEW.email,
      acknowledges: own.key,
    };
    const plan = planSplit(janeWithOmar(), '<Omar-1@Example.Net>', omar, NEW, ['cv', 'transcript'], AT);
    expect(plan.created).toBe(false);
    expect(plan.target.messages.map((message) => message.key)).toEqual([
      '<omar-0@example.net>',
      '<Omar-1@Example.Net>',
    ]);
    expect(plan.target.documents.map((document) => document.message)).toEqual(['<omar-0@example.net>']);
    expect(plan.target.firstSeen).toBe('2026-02-20T10:00:00.000Z');
    expect(plan.target.lastSeen).toBe('2026-03-02T10:00:00.000Z');
    expect(plan.target.acknowledges).toBe('<omar-0@example.net>');
  });

  it('the acknowledged message moving takes the acknowledgement with it', () => {
    const record = { ...janeWithOmar(), acknowledges: '<Omar-1@Example.Net>' };
    const plan = planSplit(record, '<Omar-1@Example.Net>', null, NEW, ['cv'], AT);
    expect(plan.source.acknowledges).toBeNull();
    expect(plan.target.acknowledges).toBe('<Omar-1@Example.Net>');
  });

  it("refuses a candidate's only message, a message it does not have, and another vacancy's candidate", () => {
    const jane = janeWithOmar();
    const alone = { ...jane, messages: jane.messages.slice(0, 1) };
    expect(refusal(() => planSplit(alone, '<jane-1@example.org>', null, NEW, ['cv'], AT))).toBe(
      'it is the only message of robust-ai-c0ffee: merge the candidates instead of splitting',
    );
    expect(refusal(() => planSplit(jane, '<nope@example.org>', null, NEW, ['cv'], AT))).toBe(
      'robust-ai-c0ffee has no message <nope@example.org>',
    );
    const elsewhere = { ...jane, id: NEW.id, vacancy: 'quantum-ml' };
    expect(refusal(() => planSplit(jane, '<Omar-1@Example.Net>', elsewhere, NEW, ['cv'], AT))).toBe(
      'robust-ai-cccccccccccc applied to quantum-ml, not robust-ai',
    );
  });
});

describe('findMessage', () => {
  it('by Message-ID in any case, with or without brackets, or by key', () => {
    const jane = janeWithOmar();
    expect(findMessage(jane, 'omar-1@example.net').key).toBe('<Omar-1@Example.Net>');
    expect(findMessage(jane, ' <OMAR-1@example.net> ').key).toBe('<Omar-1@Example.Net>');
    expect(findMessage(jane, '<jane-1@example.org>').key).toBe('<jane-1@example.org>');
    expect(refusal(() => findMessage(jane, 'x@y'))).toBe(
      'robust-ai-c0ffee has no message x@y (its messages: <jane-1@example.org>, <Omar-1@Example.Net>)',
    );
  });
});
