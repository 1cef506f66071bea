import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import type { IncomingApplication } from '../../../src/candidates/merge-candidate.ts';
import { ExplainCandidates, type CandidateHistory } from '../../../src/explain/explain-candidates.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';

const VACANCY = { id: 'robust-ai', required: ['cv', 'transcript'] as const };

function stored(): CandidateRecord {
  return {
    ...candidateRecord(
      [messageRecord('<1>', '2026-11-01T10:00:00Z')],
      [documentRecord('cv', '<1>')],
      ['transcript'],
    ),
    acknowledges: '<1>',
  };
}

/** The daemon's records as explain sees them: read only. */
function history(record: CandidateRecord): CandidateHistory {
  return {
    findByThread: (ids) =>
      Promise.resolve(ids.includes('<1>') ? { vacancy: record.vacancy, candidateId: record.id } : null),
    findByAddress: (vacancy, email) =>
      Promise.resolve(vacancy === record.vacancy && email === record.email ? record.id : null),
    get: (id) => Promise.resolve(id === record.id ? structuredClone(record) : null),
    newId: (vacancy, email) => `${vacancy}-new-${email}`,
  };
}

function followUp(key: string, address = 'jane@example.org'): IncomingApplication {
  return {
    message: { ...messageRecord(key, '2026-11-03T10:00:00Z'), sender: address },
    applicant: { name: 'Jane', address },
    documents: [{ ...documentRecord('transcript', key), index: 0 }],
    flags: [],
  };
}

describe('ExplainCandidates', () => {
  it('history: a follow-up merges into the daemon’s candidate, and the daemon’s record is left as it was', async () => {
    const record = stored();
    const before = structuredClone(record);
    const candidates = new ExplainCandidates(history(record));
    expect(await candidates.findByThread(['<1>'])).toEqual({ vacancy: 'robust-ai', candidateId: record.id });
    const merged = await candidates.upsert(VACANCY, followUp('<2>'), record.id);
    expect(merged.outcome).toBe('merged');
    expect(merged.record.missing).toEqual([]);
    expect(merged.record.acknowledges).toBe('<1>');
    expect(record).toEqual(before);
    expect((await candidates.get(record.id))?.messages.map((message) => message.key)).toEqual(['<1>', '<2>']);
  });

  it('by-address: without a thread, the same applicant’s candidate is found by address', async () => {
    const record = stored();
    const merged = await new ExplainCandidates(history(record)).upsert(VACANCY, followUp('<3>'), null);
    expect(merged.record.id).toBe(record.id);
  });

  it('offline: with no history every applicant is new, and a second message in its thread is found', async () => {
    const candidates = new ExplainCandidates(null);
    const first = await candidates.upsert(VACANCY, followUp('<a>', 'amir@example.org'), null);
    expect(first.outcome).toBe('created');
    expect(await candidates.findByThread(['<a>'])).toEqual({
      vacancy: 'robust-ai',
      candidateId: first.record.id,
    });
    expect(await candidates.findByThread(['<1>'])).toBeNull();
  });

  it('duplicate: the same message twice changes nothing', async () => {
    const record = stored();
    const candidates = new ExplainCandidates(history(record));
    expect((await candidates.upsert(VACANCY, followUp('<1>'), record.id)).outcome).toBe('duplicate');
  });
});
