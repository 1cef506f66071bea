import { describe, expect, it } from 'vitest';
import { replyJobId, type ReplyJob } from '../../../src/stages/replies/reply-job.ts';
import { assessJobId, assessJobSchema, type AssessJob } from '../../../src/stages/assess/assess-job.ts';
import { ingestJobId, ingestJobSchema, type IngestJob } from '../../../src/stages/ingest/ingest-job.ts';

const INGEST: IngestJob = { mailbox: 'chen', uidValidity: '1700000000', uid: 42 };
const ASSESS: AssessJob = {
  ...INGEST,
  candidateId: 'robust-ai-3f9c2a1b0d4e',
  vacancy: 'robust-ai',
  messageKey: '<cajx8f3k2qy1n4m@mail.example>',
};
const REPLY: ReplyJob = {
  candidateId: 'robust-ai-3f9c2a1b0d4e',
  vacancy: 'robust-ai',
  kind: 'acknowledgement',
  messageKey: '<cajx8f3k2qy1n4m@mail.example>',
};

const ODD = ['chen:main', 'a/b', 'x y', 'ü-mailbox', '..', '123', '', 'a.b', '*', 'chen\nx', '{chen}'];

/** What BullMQ requires of a custom job id. */
function expectUsableJobId(id: string): void {
  expect(id).not.toContain(':');
  expect(id).not.toMatch(/^\d+$/);
  expect(id).toMatch(/^[A-Za-z0-9_.-]+$/);
}

describe('job ids', () => {
  it('ingest: mailbox, UIDVALIDITY and UID, separated by "."', () => {
    expect(ingestJobId(INGEST)).toBe('ingest.chen.1700000000.42');
  });

  it('assess: one per message location, distinct from the ingest job of the same message', () => {
    expect(assessJobId(ASSESS)).toBe('assess.chen.1700000000.42');
    expect(assessJobId(ASSESS)).not.toBe(ingestJobId(ASSESS));
  });

  it('reply: one per candidate and reply kind, whatever message triggered it', () => {
    expect(replyJobId(REPLY)).toBe('reply.robust-ai-3f9c2a1b0d4e.acknowledgement');
    expect(replyJobId({ ...REPLY, messageKey: '<other@mail.example>' })).toBe(replyJobId(REPLY));
  });

  it('same input → same id (re-adding is a no-op)', () => {
    expect(ingestJobId({ ...INGEST })).toBe(ingestJobId(INGEST));
    expect(assessJobId({ ...ASSESS })).toBe(assessJobId(ASSESS));
    expect(replyJobId({ ...REPLY })).toBe(replyJobId(REPLY));
  });

  it('another UID or UIDVALIDITY or mailbox → another id', () => {
    const ids = new Set([
      ingestJobId(INGEST),
      ingestJobId({ ...INGEST, uid: 43 }),
      ingestJobId({ ...INGEST, uidValidity: '1700000001' }),
      ingestJobId({ ...INGEST, mailbox: 'okafor' }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('uid-and-uidvalidity-not-confused: (1, 23) and (12, 3) are different messages', () => {
    expect(ingestJobId({ mailbox: 'chen', uidValidity: '1', uid: 23 })).not.toBe(
      ingestJobId({ mailbox: 'chen', uidValidity: '12', uid: 3 }),
    );
  });

  it('never contains ":" and is never an integer, for plain ids', () => {
    expectUsableJobId(ingestJobId(INGEST));
    expectUsableJobId(assessJobId(ASSESS));
    expectUsableJobId(replyJobId(REPLY));
    expectUsableJobId(ingestJobId({ mailbox: '1', uidValidity: '1', uid: 1 }));
  });

  it.each(ODD)('odd mailbox id %j is made safe and keeps four "."-separated parts', (mailbox) => {
    const id = ingestJobId({ ...INGEST, mailbox });
    expectUsableJobId(id);
    expect(id.split('.')).toHaveLength(4);
    expectUsableJobId(assessJobId({ ...ASSESS, mailbox }));
  });

  it.each(ODD)('odd UIDVALIDITY %j is made safe', (uidValidity) => {
    const id = ingestJobId({ ...INGEST, uidValidity });
    expectUsableJobId(id);
    expect(id.split('.')).toHaveLength(4);
  });

  it.each(ODD)('odd candidate id %j is made safe in reply ids', (candidateId) => {
    const id = replyJobId({ ...REPLY, candidateId });
    expectUsableJobId(id);
    expect(id.split('.')).toHaveLength(3);
  });
});

describe('job payload schemas', () => {
  it('an ingest payload round-trips', () => {
    expect(ingestJobSchema.parse(INGEST)).toEqual(INGEST);
  });

  it.each([
    ['uid 0', { ...INGEST, uid: 0 }],
    ['fractional uid', { ...INGEST, uid: 1.5 }],
    ['uid as text', { ...INGEST, uid: '42' }],
    ['numeric uidValidity', { ...INGEST, uidValidity: 1700000000 }],
    ['no mailbox', { uidValidity: '1', uid: 1 }],
  ])('a bad ingest payload (%s) is refused', (_case, payload) => {
    expect(ingestJobSchema.safeParse(payload).success).toBe(false);
  });

  it('an assess payload needs the candidate, vacancy and message key', () => {
    expect(assessJobSchema.safeParse(INGEST).success).toBe(false);
    expect(assessJobSchema.parse(ASSESS)).toEqual(ASSESS);
  });
});
