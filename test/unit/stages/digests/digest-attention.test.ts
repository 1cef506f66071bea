import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { digestAttention } from '../../../../src/stages/digests/digest-attention.ts';
import { messageRecord } from '../../../support/records.ts';
import { candidate, changed, digestInput, vacancy } from './digest-fixtures.ts';

const NOW = '2026-11-23T08:00:00Z';
const nearMiss = candidate('near', {
  name: 'Tomás\u202e Oliveira',
  messages: [
    messageRecord('near-1', '2026-11-22T10:00:00Z', {
      subject: '[PHD-robustAI2] Application\r\nBcc: x@evil.example',
      match: 'near-miss',
      nearMiss: { reason: 'tag-suffix', matched: '[PHD-robustAI2]', evidence: ['cv attached: CV.pdf'] },
      filedTo: 'Applications/_review',
    }),
  ],
});
const asking = candidate('asking', {
  acknowledges: 'asking-1',
  messages: [
    messageRecord('asking-1', '2026-11-10T09:00:00Z'),
    messageRecord('asking-2', '2026-11-22T09:00:00Z', {
      subject: 'Re: [PHD-robustAI] Application',
      match: 'thread',
      question: {
        phrases: ['Would an April start be possible?'],
        firstLines: 'Would an April start\nbe possible?',
      },
    }),
    messageRecord('asking-3', '2026-11-01T09:00:00Z', {
      match: 'thread',
      question: { phrases: ['Old question?'], firstLines: 'Old question?' },
    }),
  ],
});

describe('digestAttention', () => {
  it('lists changed review items and recent questions, never an old one or the acknowledged message', () => {
    const attention = digestAttention([nearMiss, asking], new Set(['near']), { now: NOW, questionDays: 7 });
    expect(attention.review.map((item) => item.record.id)).toEqual(['near']);
    expect(attention.questions.map((item) => item.message.key)).toEqual(['asking-2']);
    expect(digestAttention([nearMiss], new Set(), { now: NOW, questionDays: 7 }).review).toEqual([]);
  });

  it('a digest of one review item is sent, lists it under "possibly applications", and makes its text safe', () => {
    const input = digestInput([
      {
        ...vacancy('robust-ai', [changed(asking, false)]),
        attention: digestAttention([nearMiss, asking], new Set(['near', 'asking']), {
          now: NOW,
          questionDays: 7,
        }),
      },
    ]);
    const digest = composeDigest(input);
    expect(digest?.text).toContain('Possibly applications (1)');
    expect(digest?.text).toContain(
      '1. Tomás Oliveira <near@example.org> — tag with extra characters: "[PHD-robustAI2]"',
    );
    expect(digest?.text).toContain('"[PHD-robustAI2] Application Bcc: x@evil.example"');
    expect(digest?.text).toContain('Filed in: Applications/_review');
    expect(digest?.text).toContain('Waiting for your answer (1)');
    expect(digest?.text).toContain('   Would an April start be possible?');
    expect(digest?.text).not.toContain('Old question?');
    expect(digest?.html).toContain('Possibly applications (1)');
    expect(digest?.html).toContain('Would an April start be possible?');
    expect(digest?.text).toContain(
      '1 updated application since the last digest; 1 possible application to review.',
    );
  });

  it('review items alone make a digest worth sending', () => {
    const input = digestInput([
      {
        ...vacancy('robust-ai', []),
        attention: digestAttention([nearMiss], new Set(['near']), { now: NOW, questionDays: 7 }),
      },
    ]);
    expect(composeDigest(input)?.subject).toBeDefined();
    expect(composeDigest({ ...input, vacancies: [vacancy('robust-ai', [])] })).toBeNull();
  });
});
