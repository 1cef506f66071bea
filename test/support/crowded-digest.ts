import type { CandidateRecord } from '../../src/candidates/candidate-record.ts';
import type { CandidateProfile } from '../../src/domain/fit-profile.ts';
import type { DigestInput } from '../../src/stages/digests/digest-input.ts';
import { messageRecord } from './records.ts';
import { seededRandom } from './seeded-random.ts';

const INSTITUTIONS = [
  'University of Edinburgh',
  'Indian Institute of Technology Bombay',
  'Politecnico di Milano',
  'Technische Universität München',
  'Tsinghua University',
  'Universidad Politécnica de Madrid',
  'University of Lagos',
];
const GRADES = [
  'Distinction ≈ 75 (First)',
  'CGPA 8.7/10 ≈ 71 (First)',
  '108/110 ≈ 74 (First)',
  '1,7 ≈ 70 (First)',
];
const VENUES = ['MICCAI', 'NeurIPS', 'CVPR', 'Medical Image Analysis'];

/**
 * A first digest of a busy call: `count` new applicants of one vacancy, each with documents, a profile (degree,
 * grade, publications, keywords) and a long card, some incomplete; a few names carry HTML to be escaped.
 */
export function crowdedDigestInput(count: number, seed = 7): DigestInput {
  const random = seededRandom(seed);
  const changed = Array.from({ length: count }, (_, index) => {
    const institution = INSTITUTIONS[index % INSTITUTIONS.length] ?? '';
    const papers = Math.floor(random() * 5);
    const profile: CandidateProfile = {
      degreeResult: random(),
      publications: papers,
      keywordMatches: Math.floor(random() * 4),
      summary: `MSc Artificial Intelligence, ${institution}: Distinction (First equivalent) · ${papers} publications`,
      facts: {
        degree: 'MSc Artificial Intelligence',
        institution,
        grade: GRADES[index % GRADES.length] ?? '',
        publications: papers === 0 ? '' : `${papers} (${VENUES.slice(0, papers).join(', ')})`,
        keywords: ['PyTorch', 'robustness', 'adversarial training'].slice(0, index % 4),
      },
    };
    return { candidate: applicant(index, index % 5 === 0), isNew: true, profile };
  });
  return {
    supervisor: 'chen@uni.example',
    now: '2026-11-23T08:00:00Z',
    timezone: 'Europe/London',
    vacancies: [
      {
        vacancy: {
          id: 'robust-ai',
          title: 'PhD in Robust AI',
          tag: 'PHD-robustAI',
          deadline: '2026-12-02T12:00:00Z',
          required: ['cv', 'transcript'],
        },
        changed,
        all: changed.map(({ candidate, profile }) => ({ candidate, profile })),
      },
    ],
    weights: { degree: 3, publications: 2, keywords: 1 },
    sendEmpty: false,
    signature: 'Applicant triage',
  };
}

function applicant(index: number, incomplete: boolean): CandidateRecord {
  const id = `robust-ai-${(0x10000 + index).toString(16)}`;
  const receivedAt = new Date(Date.UTC(2026, 10, 20, 8, index)).toISOString();
  const name = index % 50 === 7 ? `<script>alert(${index})</script> Mallory` : `Applicant Number ${index}`;
  const files = incomplete ? ['cv'] : ['cv', 'transcript', 'cover-letter'];
  return {
    id,
    vacancy: 'robust-ai',
    name,
    email: `applicant${index}@mail.example`,
    documents: files.map((kind) => ({
      filename: `${kind}-${index}.pdf`,
      safeName: `${kind}-${index}.pdf`,
      within: [],
      kind: kind as CandidateRecord['documents'][number]['kind'],
      contentType: 'application/pdf',
      size: 250_000,
      sha256: `${id}-${kind}`,
      message: `<${id}@mail.example>`,
      reading: null,
    })),
    missing: incomplete ? ['transcript'] : [],
    flags: [],
    messages: [
      messageRecord(`${id}-1`, receivedAt, {
        messageId: `<${id}@mail.example>`,
        filedTo: 'Applications/robust-ai',
      }),
    ],
    replies: [],
    acknowledges: null,
    firstSeen: receivedAt,
    lastSeen: receivedAt,
    history: [],
    references: [],
  };
}
