import type { CandidateRecord } from '../../../../src/candidates/candidate-record.ts';
import type { DigestInput, DigestVacancy } from '../../../../src/stages/digests/digest-input.ts';
import type { CandidateProfile } from '../../../../src/domain/fit-profile.ts';
import { messageRecord } from '../../../support/records.ts';

/** A candidate of vacancy `robust-ai` with one filed message; `changes` override any field. */
export function candidate(id: string, changes: Partial<CandidateRecord> = {}): CandidateRecord {
  const firstSeen = changes.firstSeen ?? '2026-11-23T09:00:00.000Z';
  return {
    id,
    vacancy: 'robust-ai',
    name: `Name ${id}`,
    email: `${id}@example.org`,
    documents: [
      {
        filename: `${id}-cv.pdf`,
        safeName: `${id}-cv.pdf`,
        within: [],
        kind: 'cv',
        contentType: 'application/pdf',
        size: 1000,
        sha256: id,
        message: `<${id}@mail>`,
        reading: null,
      },
    ],
    missing: [],
    flags: [],
    messages: [
      messageRecord(`${id}-1`, firstSeen, { messageId: `<${id}@mail>`, filedTo: 'Applications/robust-ai' }),
    ],
    replies: [],
    acknowledges: null,
    firstSeen,
    lastSeen: firstSeen,
    history: [],
    references: [],
    ...changes,
  };
}

/** A changed entry of a digest vacancy. */
export function changed(
  record: CandidateRecord,
  isNew: boolean,
  profile?: CandidateProfile,
): DigestVacancy['changed'][number] {
  return profile === undefined ? { candidate: record, isNew } : { candidate: record, isNew, profile };
}

/** A digest vacancy whose `all` holds the changed candidates plus `unchanged`. */
export function vacancy(
  id: string,
  changes: DigestVacancy['changed'],
  unchanged: CandidateRecord[] = [],
  deadline: string | null = '2026-12-02T12:00:00Z',
): DigestVacancy {
  return {
    vacancy: { id, title: `PhD ${id}`, tag: `PHD-${id}`, deadline, required: ['cv', 'transcript'] },
    changed: changes,
    all: [
      ...changes.map((entry) =>
        entry.profile === undefined
          ? { candidate: entry.candidate }
          : { candidate: entry.candidate, profile: entry.profile },
      ),
      ...unchanged.map((record) => ({ candidate: record })),
    ],
  };
}

/** A digest input at 2026-11-23 08:00 UTC, in UTC, with the default weights. */
export function digestInput(vacancies: DigestVacancy[], changes: Partial<DigestInput> = {}): DigestInput {
  return {
    supervisor: 'chen@uni.example',
    now: '2026-11-23T08:00:00Z',
    timezone: 'UTC',
    vacancies,
    weights: { degree: 3, publications: 2, keywords: 1 },
    sendEmpty: false,
    signature: 'Applicant triage',
    ...changes,
  };
}
