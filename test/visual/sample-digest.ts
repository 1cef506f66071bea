import type { CandidateFlag, CandidateRecord, MessageRecord } from '../../src/candidates/candidate-record.ts';
import type { DocumentKind } from '../../src/domain/document-kinds.ts';
import { splitReview } from '../../src/candidates/review-state.ts';
import { digestAttention } from '../../src/stages/digests/digest-attention.ts';
import type { DigestInput, DigestVacancy } from '../../src/stages/digests/digest-input.ts';
import type { CandidateProfile } from '../../src/domain/fit-profile.ts';

interface Sample {
  name: string;
  email: string;
  files: Array<[DocumentKind, string]>;
  missing?: DocumentKind[];
  flags?: CandidateFlag[];
  firstSeen: string;
  lastSeen?: string;
  messages?: number;
  profile?: CandidateProfile;
  change: 'new' | 'updated' | 'none';
  /** A status the supervisor gave by moving the mail into this subfolder. */
  status?: [id: string, folder: string];
  /** Referees whose letters were linked: name and address. */
  referees?: Array<[name: string, address: string]>;
  /** The last message asks something (a question waiting for an answer). */
  question?: MessageRecord['question'];
  /** A near miss held for review instead of a candidate. */
  nearMiss?: MessageRecord['nearMiss'];
}

const NOW = '2026-11-24T08:00:00Z';

function record(vacancy: string, folder: string, sample: Sample, index: number): CandidateRecord {
  const count = sample.messages ?? 1;
  return {
    id: `${vacancy}-${(0xa11ce + index * 7919).toString(16)}`,
    vacancy,
    name: sample.name,
    email: sample.email,
    documents: sample.files.map(([kind, filename]) => ({
      filename,
      safeName: filename,
      within: [],
      kind,
      contentType: 'application/pdf',
      size: 250_000,
      sha256: `${index}-${filename}`,
      message: `<m${index}@mail>`,
      reading: null,
    })),
    missing: sample.missing ?? [],
    flags: sample.flags ?? [],
    messages: Array.from({ length: count }, (_, n) => ({
      key: `m${index}-${n}`,
      messageId: `<m${index}-${n}@mail>`,
      subject: `[${vacancy}] PhD application`,
      receivedAt: n === 0 ? sample.firstSeen : (sample.lastSeen ?? sample.firstSeen),
      mailbox: 'chen',
      uidValidity: '1',
      uid: index * 10 + n,
      match: sample.nearMiss ? ('near-miss' as const) : ('exact' as const),
      ...(sample.nearMiss ? { nearMiss: sample.nearMiss, heldForReview: true as const } : {}),
      ...(sample.question && n === count - 1 && n > 0 ? { question: sample.question } : {}),
      bodyProfile: null,
      sender: '',
      replyTo: null,
      references: [],
      noReply: null,
      filedTo: sample.nearMiss ? 'Applications/_review' : folder,
    })),
    replies: [],
    acknowledges: null,
    firstSeen: sample.firstSeen,
    lastSeen: sample.lastSeen ?? sample.firstSeen,
    history: [],
    references: (sample.referees ?? []).map(([name, address], n) => ({
      key: `r${index}-${n}`,
      messageId: `<r${index}-${n}@mail>`,
      subject: `Reference for ${sample.name}`,
      receivedAt: sample.lastSeen ?? sample.firstSeen,
      referee: { name, address },
      linkedBy: { rule: 'name', detail: `names "${sample.name}"` },
      filedTo: folder,
      mailbox: 'chen',
      noReply: null,
    })),
    ...(sample.status
      ? {
          decision: {
            status: sample.status[0],
            at: sample.lastSeen ?? sample.firstSeen,
            via: 'folder' as const,
            folder: `${folder}/${sample.status[1]}`,
            message: `m${index}-0`,
          },
        }
      : {}),
  };
}

function vacancy(
  meta: DigestVacancy['vacancy'],
  folder: string,
  samples: Sample[],
  offset: number,
): DigestVacancy {
  const entries = samples.map((sample, index) => ({
    sample,
    candidate: record(meta.id, folder, sample, offset + index),
  }));
  const withProfile = <T extends object>(entry: T, profile?: CandidateProfile) =>
    profile === undefined ? entry : { ...entry, profile };
  const records = entries.map(({ candidate }) => candidate);
  const changedIds = new Set(
    entries.filter(({ sample }) => sample.change !== 'none').map(({ candidate }) => candidate.id),
  );
  const candidates = new Set(splitReview(records).candidates);
  const listed = entries.filter(({ candidate }) => candidates.has(candidate));
  return {
    vacancy: meta,
    attention: digestAttention(records, changedIds, { now: NOW, questionDays: 7 }),
    changed: listed
      .filter(({ sample }) => sample.change !== 'none')
      .map(({ sample, candidate }) =>
        withProfile({ candidate, isNew: sample.change === 'new' }, sample.profile),
      ),
    all: listed.map(({ sample, candidate }) => withProfile({ candidate }, sample.profile)),
  };
}

const robustAi: Sample[] = [
  {
    name: 'Amara Okafor',
    email: 'amara.okafor@example.ac.uk',
    files: [
      ['cv', 'Okafor_CV_2026.pdf'],
      ['transcript', 'Okafor_transcript_MSc.pdf'],
      ['research', 'Okafor_research_proposal.pdf'],
    ],
    firstSeen: '2026-11-23T09:12:00Z',
    profile: {
      degreeResult: 0.92,
      publications: 3,
      keywordMatches: 7,
      summary:
        'MSc Artificial Intelligence, University of Edinburgh: Distinction (First equivalent) · 3 publications (2 first-author; MICCAI, NeurIPS) · keywords: PyTorch, adversarial training',
      facts: {
        degree: 'MSc Artificial Intelligence',
        institution: 'University of Edinburgh',
        grade: 'Distinction ≈ 75 (First)',
        publications: '3 (MICCAI, NeurIPS)',
        keywords: ['PyTorch', 'adversarial training', 'robustness'],
      },
    },
    change: 'new',
  },
  {
    name: '李明',
    email: 'li.ming@example.edu.cn',
    files: [['cv', '李明_简历.pdf']],
    missing: ['transcript'],
    firstSeen: '2026-11-23T02:40:00Z',
    flags: ['tag-variant'],
    change: 'new',
  },
  {
    name: 'María José Fernández',
    email: 'mjfernandez@example.es',
    files: [
      ['cv', 'CV - María José Fernández.pdf'],
      ['transcript', 'Expediente académico.pdf'],
    ],
    firstSeen: '2026-11-23T16:05:00Z',
    profile: {
      degreeResult: 0.78,
      publications: 1,
      keywordMatches: 2,
      summary:
        'Máster Universitario en Inteligencia Artificial, Universidad Politécnica de Madrid · Nota media del expediente: 8,61 (First equivalent) · 1 publication (1 first-author)',
      facts: {
        degree: 'Máster Universitario en Inteligencia Artificial',
        institution: 'Universidad Politécnica de Madrid',
        grade: 'Nota media del expediente: 8,61 ≈ 71 (First)',
        publications: '1',
        keywords: ['robustness', 'uncertainty'],
      },
    },
    change: 'new',
  },
  {
    name: 'Kwame Mensah',
    email: 'kwame.mensah@example.com.gh',
    files: [['cv', 'Mensah_CV & publications.pdf']],
    missing: ['transcript'],
    flags: ['reply-unconfirmed'],
    firstSeen: '2026-11-24T07:30:00Z',
    change: 'new',
  },
  {
    name: 'Olena Kovalenko',
    email: 'olena.kovalenko@example.com.ua',
    files: [
      ['cv', 'Kovalenko_CV.pdf'],
      ['transcript', 'Kovalenko_diploma_supplement.pdf'],
      ['reference', 'Reference_Prof_Shevchenko.pdf'],
    ],
    firstSeen: '2026-11-18T11:00:00Z',
    lastSeen: '2026-11-23T18:47:00Z',
    messages: 2,
    referees: [['Prof. Taras Shevchenko', 't.shevchenko@example.edu.ua']],
    status: ['shortlisted', 'Shortlist'],
    change: 'updated',
  },
  {
    name: 'Jonas Müller',
    email: 'jonas.mueller@example.de',
    files: [['cv', 'Lebenslauf_Mueller.pdf']],
    missing: ['transcript'],
    firstSeen: '2026-11-12T08:00:00Z',
    change: 'none',
  },
  {
    name: 'Priya Raghunathan',
    email: 'priya.r@example.in',
    files: [
      ['cv', 'Priya_Raghunathan_CV.pdf'],
      ['transcript', 'Transcript_BTech_MTech.pdf'],
    ],
    firstSeen: '2026-11-10T05:21:00Z',
    referees: [
      ['Dr Anjali Iyer', 'a.iyer@example.ac.in'],
      ['Prof. Marco Rossi', 'm.rossi@example.it'],
    ],
    status: ['interview', 'Interview'],
    change: 'none',
  },
  {
    name: 'Daniel Osei',
    email: 'd.osei@example.com',
    files: [['cv', 'Daniel_Osei_CV.pdf']],
    firstSeen: '2026-11-23T21:14:00Z',
    nearMiss: {
      reason: 'tag-suffix',
      matched: '[PHD-robustAI2026]',
      evidence: [
        'cv attached: Daniel_Osei_CV.pdf',
        'subject "[PHD-robustAI2026]" is close to the tag [PHD-robustAI]',
      ],
    },
    change: 'new',
  },
];

const medImaging: Sample[] = [
  {
    name: 'Κωνσταντίνος Παπαδόπουλος',
    email: 'k.papadopoulos@example.gr',
    files: [
      ['cv', 'Papadopoulos_CV.pdf'],
      ['cover-letter', 'Cover_letter_MedImaging.pdf'],
    ],
    firstSeen: '2026-11-23T13:15:00Z',
    flags: ['late'],
    change: 'new',
  },
  {
    name: 'Yuki Tanaka',
    email: 'yuki.tanaka@example.ac.jp',
    files: [['cv', 'Tanaka_Yuki_CV.pdf']],
    missing: ['cover-letter'],
    firstSeen: '2026-11-20T23:50:00Z',
    lastSeen: '2026-11-23T10:02:00Z',
    messages: 2,
    question: {
      phrases: ['Would a start in April be possible?'],
      firstLines:
        'Dear Dr Chen, thank you for your reply. Would a start in April be possible? My visa appointment is in March.',
    },
    flags: ['reply-failed'],
    change: 'updated',
  },
  {
    name: '',
    email: 'applicant1987@example.net',
    files: [],
    missing: ['cv', 'cover-letter'],
    flags: ['oversize-message'],
    firstSeen: '2026-11-23T20:31:00Z',
    change: 'new',
  },
  {
    name: 'Fatima Al-Sayed',
    email: 'fatima.alsayed@example.ae',
    files: [
      ['cv', 'Fatima_AlSayed_CV.pdf'],
      ['cover-letter', 'Motivation.pdf'],
    ],
    firstSeen: '2026-11-16T14:44:00Z',
    change: 'none',
  },
  {
    name: 'Tomás Ó Briain',
    email: 'tomas.obriain@example.ie',
    files: [['cv', 'OBriain_CV.pdf']],
    missing: ['cover-letter'],
    firstSeen: '2026-11-14T09:09:00Z',
    change: 'none',
  },
];

/**
 * A realistic two-vacancy digest input: twelve candidates, some new, some updated, some unchanged, with statuses,
 * referees, a question waiting for an answer and a near miss held for review.
 */
export const SAMPLE_DIGEST: DigestInput = {
  supervisor: 'e.chen@uni.example',
  now: NOW,
  timezone: 'Europe/London',
  weights: { degree: 3, publications: 2, keywords: 1 },
  sendEmpty: false,
  signature: 'Applicant triage for Dr Emily Chen\nSchool of Informatics',
  vacancies: [
    vacancy(
      {
        id: 'robust-ai',
        title: 'PhD in Robust Machine Learning',
        tag: 'PHD-robustAI',
        deadline: '2026-12-03T12:00:00Z',
        required: ['cv', 'transcript'],
      },
      'Applications/robust-ai',
      robustAi,
      0,
    ),
    vacancy(
      {
        id: 'med-imaging',
        title: 'PhD in Medical Image Analysis',
        tag: 'PHD-medimg',
        deadline: '2026-11-21T17:00:00Z',
        required: ['cv', 'cover-letter'],
      },
      'Applications/med-imaging',
      medImaging,
      robustAi.length,
    ),
  ],
};
