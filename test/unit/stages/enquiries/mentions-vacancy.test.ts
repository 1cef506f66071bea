import { describe, expect, it } from 'vitest';
import { mentionsVacancy } from '../../../../src/stages/enquiries/mentions-vacancy.ts';

const VACANCIES = [
  {
    id: 'robust-ai',
    title: 'PhD in Robust and Adaptive AI for Medical Imaging and Precision Medicine',
    tag: 'PHD-robustAI',
  },
  { id: 'med-imaging', title: 'DPhil in Medical Image Analysis', tag: 'DPHIL-MedIm' },
];

type Expected = readonly [vacancyId: string, evidence: string] | null;

const LONG_PREAMBLE = `${'I have attached my CV and transcripts for your consideration. '.repeat(40)}\n`;

const CASES: readonly (readonly [name: string, subject: string, body: string, expected: Expected])[] = [
  // positives: the title
  [
    'full title in the subject',
    'Application: PhD in Robust and Adaptive AI for Medical Imaging and Precision Medicine',
    '',
    [
      'robust-ai',
      'title in subject: "PhD in Robust and Adaptive AI for Medical Imaging and Precision Medicine"',
    ],
  ],
  [
    'title in capitals, wrapped over two body lines',
    'Application',
    'Dear Professor Chen,\n\nI am applying for the PHD IN ROBUST AND ADAPTIVE AI FOR MEDICAL\nIMAGING AND PRECISION MEDICINE advertised on your website.',
    [
      'robust-ai',
      'title in body: "PHD IN ROBUST AND ADAPTIVE AI FOR MEDICAL IMAGING AND PRECISION MEDICINE"',
    ],
  ],
  [
    'short title in the body',
    'Prospective student',
    'I would like to apply for the DPhil in Medical Image Analysis starting in October.',
    ['med-imaging', 'title in body: "DPhil in Medical Image Analysis"'],
  ],
  [
    'title with full-width letters (NFKC)',
    'ＤＰｈｉｌ ｉｎ Ｍｅｄｉｃａｌ Ｉｍａｇｅ Ａｎａｌｙｓｉｓ',
    '',
    ['med-imaging', 'title in subject: "DPhil in Medical Image Analysis"'],
  ],
  // positives: a distinctive phrase of the title
  [
    'three significant words without the stop word',
    'Interest in the robust, adaptive AI studentship',
    '',
    ['robust-ai', 'phrase in subject: "robust, adaptive AI"'],
  ],
  [
    'longer phrase with stop words in the body',
    'Enquiry',
    'My master thesis was on AI for medical imaging and precision medicine in oncology.',
    ['robust-ai', 'phrase in body: "AI for medical imaging and precision medicine"'],
  ],
  [
    'hyphenated phrase',
    'Question about the Medical-Image-Analysis DPhil',
    '',
    ['med-imaging', 'phrase in subject: "Medical-Image-Analysis"'],
  ],
  [
    'phrase after Ph.D. spelled with dots',
    'Enquiry',
    'I am writing about the Ph.D. in Robust and Adaptive AI.',
    ['robust-ai', 'phrase in body: "Robust and Adaptive AI"'],
  ],
  [
    'phrase in a forwarded subject',
    'Fwd: Adaptive AI for Medical Imaging - question',
    '',
    ['robust-ai', 'phrase in subject: "Adaptive AI for Medical Imaging"'],
  ],
  // positives: the tag
  ['tag core as a token', 'Enquiry re robustAI', '', ['robust-ai', 'tag in subject: "robustAI"']],
  ['hyphenated tag core', 'robust-AI PhD', '', ['robust-ai', 'tag in subject: "robust-AI"']],
  ['five-letter tag core', 'Is MedIm still open?', '', ['med-imaging', 'tag in subject: "MedIm"']],
  [
    'whole tag without brackets in the body',
    'Hello',
    'Is the DPHIL-MedIm position still open?',
    ['med-imaging', 'tag in body: "DPHIL-MedIm"'],
  ],
  ['tag core in full-width letters', 'ｒｏｂｕｓｔＡＩ', '', ['robust-ai', 'tag in subject: "robustAI"']],
  [
    'title of one vacancy beats a phrase of the other',
    'Application',
    'I apply for the DPhil in Medical Image Analysis; my background is AI for medical imaging.',
    ['med-imaging', 'title in body: "DPhil in Medical Image Analysis"'],
  ],
  // negatives: generic mail
  ['generic question', 'Question about your paper', 'I enjoyed your NeurIPS paper on robustness.', null],
  ['generic PhD enquiry', 'PhD position?', 'Do you have any PhD positions in AI?', null],
  ['seminar', 'Seminar next week', 'Reminder: seminar on adaptive optics on Tuesday.', null],
  ['two significant words only', 'PhD in medical imaging?', 'I am interested in precision medicine.', null],
  [
    'significant words out of the title order',
    'Interests',
    'I work on medical imaging and AI, and on robust statistics.',
    null,
  ],
  ['robust and AI apart', 'Robust AI', 'I love AI and robust methods.', null],
  ['tag core inside a longer word', 'robustAIx toolkit', '', null],
  [
    'phrase split across two sentences',
    'Hello',
    'My supervisor was robust. Adaptive AI is my interest now.',
    null,
  ],
  // negatives: text that is not the sender's own, or too far down
  [
    'title only in a quoted reply',
    'Re: Thanks',
    'Thank you!\n\n> PhD in Robust and Adaptive AI for Medical Imaging and Precision Medicine [PHD-robustAI]\n',
    null,
  ],
  [
    'title only below the signature',
    'Hello',
    'Please see my CV.\n-- \nJane Doe\nMSc in Medical Image Analysis, Uni Example',
    null,
  ],
  [
    'title only in an Outlook-quoted message',
    'RE: Vacancies',
    'Thank you.\n\n-----Original Message-----\nFrom: Wei Chen\nOpen: DPhil in Medical Image Analysis\n',
    null,
  ],
  [
    'title after the first 2,000 characters',
    'Application',
    `${LONG_PREAMBLE}I apply for the DPhil in Medical Image Analysis.`,
    null,
  ],
];

describe('mentionsVacancy', () => {
  it.each(CASES)('%s', (_name, subject, body, expected) => {
    const result = mentionsVacancy(subject, body, VACANCIES);
    expect(result).toEqual(expected === null ? null : { vacancyId: expected[0], evidence: expected[1] });
  });

  it('ignores a tag core shorter than five letters but not the whole tag', () => {
    const nlp = [{ id: 'nlp', title: 'PhD in Natural Language Processing', tag: 'PHD-NLP' }];
    expect(mentionsVacancy('NLP question', 'I work on NLP.', nlp)).toBeNull();
    expect(mentionsVacancy('Re PHD-NLP', '', nlp)).toEqual({
      vacancyId: 'nlp',
      evidence: 'tag in subject: "PHD-NLP"',
    });
  });

  it('returns null when no vacancies are open', () => {
    expect(mentionsVacancy('Application: DPhil in Medical Image Analysis', '', [])).toBeNull();
  });
});
