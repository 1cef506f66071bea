import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import { planAssessReply } from '../../../../src/stages/assess/plan-assess.ts';
import { replyJobId } from '../../../../src/stages/replies/reply-job.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../../support/records.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const VACANCY = { ...CONFIG.vacancies[0]!, deadline: undefined };
const REPLIES = { completion: true, followUpReceipts: false };
const first = messageRecord('<1>', '2026-11-01T10:00:00Z');
const second = messageRecord('<2>', '2026-11-02T10:00:00Z');

describe('planAssessReply', () => {
  it('first-message: the acknowledgement, as a job for the candidate and vacancy', () => {
    const candidate = candidateRecord([first], [documentRecord('cv', '<1>')], ['transcript']);
    const job = planAssessReply(candidate, '<1>', VACANCY, REPLIES);
    expect(job).toEqual({
      candidateId: candidate.id,
      vacancy: VACANCY.id,
      kind: 'acknowledgement',
      messageKey: '<1>',
    });
    // One job per candidate and kind: queueing the same reply twice is a no-op.
    expect(replyJobId(job!)).toBe(replyJobId({ ...job!, messageKey: '<other>' }));
  });

  it('follow-up-without-receipts: no reply job', () => {
    const candidate = candidateRecord(
      [first, second],
      [documentRecord('cv', '<1>'), documentRecord('cv', '<2>')],
      ['transcript'],
    );
    expect(planAssessReply({ ...candidate, acknowledges: '<1>' }, '<2>', VACANCY, REPLIES)).toBeNull();
  });

  it('vacancy-gone: a message of a vacancy no longer configured gets no reply', () => {
    const candidate = candidateRecord([first], [], ['cv']);
    expect(planAssessReply(candidate, '<1>', undefined, REPLIES)).toBeNull();
  });
});
