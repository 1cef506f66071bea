import { describe, expect, it } from 'vitest';
import { refereeScene } from '../../../../src/stages/replies/referee-scene.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../../support/records.ts';

const candidate = {
  ...candidateRecord(
    [messageRecord('<app>', '2026-11-19T18:00:00.000Z', { sender: 'jane@example.org' })],
    [documentRecord('cv', '<app>'), documentRecord('reference', '<ref>')],
    ['transcript'],
  ),
  references: [
    {
      key: '<ref>',
      messageId: '<ref@kcl.example>',
      subject: '[PHD-robustAI] Reference for Jane',
      receivedAt: '2026-11-20T09:00:00.000Z',
      referee: { name: 'Dr John Smith', address: 'j.smith@kcl.example' },
      linkedBy: { rule: 'name', detail: 'names "Jane"' },
      filedTo: 'Applications/robust-ai',
      mailbox: 'chen',
      noReply: { rule: 'auto-response-suppress', detail: 'X-Auto-Response-Suppress: All' },
    },
  ],
};

describe('refereeScene', () => {
  it("addresses the referee about their own message and letter, keeping nothing of the applicant's", () => {
    const scene = refereeScene(candidate, '<ref>');
    expect(scene?.candidate).toMatchObject({
      id: candidate.id,
      name: 'Dr John Smith',
      email: 'j.smith@kcl.example',
      missing: [],
      replies: [],
      references: [],
    });
    expect(scene?.candidate.documents.map((document) => document.message)).toEqual(['<ref>']);
    expect(scene?.message).toMatchObject({
      messageId: '<ref@kcl.example>',
      sender: 'j.smith@kcl.example',
      replyTo: { name: 'Dr John Smith', address: 'j.smith@kcl.example' },
      references: ['<ref@kcl.example>'],
      filedTo: 'Applications/robust-ai',
      mailbox: 'chen',
      noReply: { rule: 'auto-response-suppress', detail: 'X-Auto-Response-Suppress: All' },
    });
    expect(JSON.stringify(scene)).not.toContain('jane@example.org');
  });

  it('null for a letter not linked to the candidate', () => {
    expect(refereeScene(candidate, '<other>')).toBeNull();
  });
});
