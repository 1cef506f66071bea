import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import { isTriageError } from '../../../src/errors/triage-error.ts';
import { planMerge } from '../../../src/operator/merge-candidates.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';

const AT = '2026-03-10T09:00:00.000Z';

// Jane wrote from her university address (CV) and, a day later, from a private one (CV again and a transcript).
function janeAtUniversity(): CandidateRecord {
  const first = messageRecord('<jane-1@uni.example>', '2026-03-01T10:00:00.000Z', {
    sender: 'jane@uni.example',
  });
  return {
    ...candidateRecord([first], [documentRecord('cv', first.key)], ['transcript']),
    id: 'robust-ai-aaaaaaaaaaaa',
    email: 'jane@uni.example',
    name: 'Jane Doe',
    acknowledges: first.key,
    replies: [
      {
        kind: 'acknowledgement',
        status: 'sent',
        at: '2026-03-01T10:01:00.000Z',
        to: 'jane@uni.example',
        detail: '<r1@x>',
      },
    ],
    history: [{ at: '2026-03-02T08:00:00.000Z', action: 'status', by: 'daemon', detail: 'Shortlist' }],
  };
}

function janePrivately(): CandidateRecord {
  const second = messageRecord('<jane-2@mail.example>', '2026-02-27T10:00:00.000Z', {
    messageId: '<Jane-2@Mail.Example>',
    sender: 'jane.doe@mail.example',
    uid: 7,
  });
  return {
    ...candidateRecord(
      [second],
      [documentRecord('cv', second.key), documentRecord('transcript', second.key)],
      [],
    ),
    id: 'robust-ai-bbbbbbbbbbbb',
    email: 'jane.doe@mail.example',
    name: '',
    flags: ['late'],
    acknowledges: second.key,
    replies: [
      {
        kind: 'acknowledgement',
        status: 'unconfirmed',
        at: '2026-02-27T10:01:00.000Z',
        to: 'jane.doe@mail.example',
        detail: 'cut',
      },
    ],
  };
}

describe('planMerge', () => {
  it('one applicant from two addresses: mail in arrival order, the CV sent twice once, nothing missing', () => {
    const plan = planMerge(janePrivately(), janeAtUniversity(), ['cv', 'transcript'], AT);
    const { record } = plan;
    expect(record.id).toBe('robust-ai-aaaaaaaaaaaa');
    expect(record.email).toBe('jane@uni.example');
    expect(record.name).toBe('Jane Doe');
    expect(record.messages.map((message) => message.key)).toEqual([
      '<jane-2@mail.example>',
      '<jane-1@uni.example>',
    ]);
    expect(record.documents.map((document) => [document.kind, document.message])).toEqual([
      ['cv', '<jane-1@uni.example>'],
      ['transcript', '<jane-2@mail.example>'],
    ]);
    expect(record.missing).toEqual([]);
    expect(record.flags).toEqual(['duplicate-document', 'late']);
    expect(record.firstSeen).toBe('2026-02-27T10:00:00.000Z');
    expect(record.lastSeen).toBe('2026-03-01T10:00:00.000Z');
    expect(record.acknowledges).toBe('<jane-1@uni.example>');
    expect(record.replies.map((reply) => reply.status)).toEqual(['unconfirmed', 'sent']);
    expect(record.history).toEqual([
      { at: '2026-03-02T08:00:00.000Z', action: 'status', by: 'daemon', detail: 'Shortlist' },
      {
        at: AT,
        action: 'merge',
        by: 'operator',
        detail: 'merged robust-ai-bbbbbbbbbbbb (jane.doe@mail.example): 1 message, 1 new document',
      },
    ]);
    expect(plan.removed).toEqual({ id: 'robust-ai-bbbbbbbbbbbb', email: 'jane.doe@mail.example' });
    // Both the key and the Message-ID as the store indexes it (lower-cased).
    expect(plan.threadIds).toEqual(['<jane-2@mail.example>']);
  });

  it('the removed candidate keeps the name when the one that stays has none', () => {
    const { record } = planMerge(janeAtUniversity(), { ...janePrivately(), name: '' }, ['cv'], AT);
    expect(record.name).toBe('Jane Doe');
  });

  it('refuses candidates of different vacancies, and a candidate with itself', () => {
    const other = { ...janePrivately(), vacancy: 'quantum-ml' };
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isTriageError(error, 'input-invalid') ? error.message : 'another error';
      }
      return 'no error';
    };
    expect(refusal(() => planMerge(other, janeAtUniversity(), ['cv'], AT))).toBe(
      'robust-ai-bbbbbbbbbbbb (quantum-ml) and robust-ai-aaaaaaaaaaaa (robust-ai) applied to different vacancies: merge only within one vacancy',
    );
    expect(refusal(() => planMerge(janeAtUniversity(), janeAtUniversity(), ['cv'], AT))).toBe(
      'cannot merge robust-ai-aaaaaaaaaaaa into itself',
    );
  });
});
