import type { Block, DocumentSpec } from '../../support/documents/document-spec.ts';
import { paragraph, seededRandom, thesisPages } from '../thesis-prose.ts';
import type { Applicant } from './applicants.ts';

/** The shapes of research document an applicant sends. */
export type ResearchKind = 'paper' | 'thesis' | 'proposal';

const UNIVERSITIES = [
  'ETH Zürich',
  'Università di Bologna',
  'University of Edinburgh',
  'Universidad de Chile',
  'University of Lagos',
  'KTH Stockholm',
  'IIT Bombay',
  'Tsinghua University',
];
const COURSES = [
  'Machine Learning',
  'Probability Theory',
  'Linear Algebra',
  'Statistics',
  'Optimisation',
  'Algorithms and Data Structures',
  'Computer Vision',
  'Numerical Methods',
  'Deep Learning',
  'Information Theory',
  'Databases',
  'Signal Processing',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function section(heading: string, lines: string[], pageBreak = false): Block[] {
  return [{ text: heading, style: 'heading', pageBreak }, ...lines.map((text) => ({ text }))];
}

/** A CV of 1–3 pages carrying the applicant's name and address, the usual sections and date ranges. */
export function cvSpecFor(applicant: Applicant, pages: number, random: () => number): DocumentSpec {
  const university = pick(random, UNIVERSITIES);
  const blocks: Block[] = [
    { text: applicant.name, style: 'title' },
    { text: `${applicant.address}  |  +41 44 ${100 + Math.floor(random() * 900)} 45 67` },
    ...section('Education', [
      `2022 - 2024  MSc in Computer Science, ${university}. Grade ${(5 + random()).toFixed(1)} / 6.`,
      `2019 - 2022  BSc in Mathematics, ${pick(random, UNIVERSITIES)}.`,
    ]),
    ...section('Research Experience', [
      `2023 - 2024  Research assistant, Data Analytics Lab. ${paragraph(random, 3)}`,
    ]),
  ];
  for (let page = 1; page < pages; page += 1) {
    blocks.push(
      ...section('Projects', [paragraph(random, 6), paragraph(random, 6)], true),
      ...section('Teaching Experience', [`2023  Teaching assistant, Probability. ${paragraph(random, 4)}`]),
    );
  }
  blocks.push(
    ...section('Publications', [
      `${applicant.last} ${applicant.first[0]}., Keller A. Sparse attention. 2024.`,
    ]),
    ...section('Skills', ['Python, PyTorch, JAX, R, SQL, LaTeX; English C1.']),
  );
  return { title: 'Curriculum Vitae', blocks };
}

/** A transcript of records of 1–2 pages: a grade table per year. */
export function transcriptSpec(seed: number, pages: number): DocumentSpec {
  const random = seededRandom(seed);
  const years = Array.from({ length: pages * 2 }, (_, year): Block[] => [
    {
      text: `Academic year ${2020 + year}/${2021 + year}`,
      style: 'heading',
      pageBreak: year > 0 && year % 2 === 0,
    },
    {
      text: '',
      table: [
        ['Course', 'Credits', 'Grade'],
        ...Array.from({ length: 9 }, () => [
          pick(random, COURSES),
          String(3 + Math.floor(random() * 4)),
          (4 + random() * 2).toFixed(2),
        ]),
      ],
    },
  ]);
  return {
    title: 'Transcript of Records',
    blocks: [
      { text: 'Transcript of Records', style: 'title' },
      { text: `${pick(random, UNIVERSITIES)}, Master of Science in Computer Science` },
      ...years.flat(),
      {
        text: `Weighted average: ${(5 + random()).toFixed(2)} / 6. This transcript is valid without signature.`,
      },
    ],
  };
}

/** A paper, master's thesis or proposal of `pages` pages of thesis-like prose (distinct per seed). */
export function researchSpec(kind: ResearchKind, pages: number, seed: number): DocumentSpec {
  const random = seededRandom(seed);
  const titles: Record<ResearchKind, string> = {
    paper: 'Sparse Attention for Long Sequences',
    thesis: "Robust Probabilistic Learning from Noisy Sequences (Master's thesis)",
    proposal: 'Research Proposal: Learning under Distribution Shift',
  };
  const [first, ...rest] = thesisPages(Math.max(1, pages - 1), kind === 'thesis' ? 8 : 3, seed);
  const front: Block[] = [
    { text: titles[kind], style: 'title' },
    { text: 'Abstract', style: 'heading' },
    { text: paragraph(random, 6) },
  ];
  if (pages === 1) return { title: titles[kind], blocks: front };
  return { title: titles[kind], blocks: [...front, { ...(first as Block), pageBreak: true }, ...rest] };
}

/** A one-page cover letter (motivation letter). */
export function coverLetterSpec(seed: number): DocumentSpec {
  const random = seededRandom(seed);
  return {
    title: 'Cover letter',
    blocks: [
      { text: 'Motivation Letter', style: 'title' },
      { text: 'Dear Dr Chen,' },
      {
        text: `I am writing to apply for the PhD position in Robust AI advertised by your group. ${paragraph(random, 3)}`,
      },
      { text: paragraph(random, 4) },
      { text: paragraph(random, 3) },
      { text: 'Yours sincerely' },
    ],
  };
}
