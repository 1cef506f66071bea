import { describe, expect, it } from 'vitest';
import { matchKeywords } from '../../../../src/profile/match-keywords.ts';
import {
  describeCallEvidence,
  documentTermsOf,
  matchOpenCall,
  type OpenCallTerms,
} from '../../../../src/stages/enquiries/match-open-call.ts';

const MULTIMODAL = 'multi-modal machine learning for medical image, signal, language';
const AGENTIC = 'agentic workflows for medical image analysis';
const SKILL = 'machine learning for human factor/skill analysis in medical imaging';
const LOOP = 'human-in-the-loop learning and inference approaches for medical imaging';
const ROBUST_RL = 'robust reinforcement learning for robotics';

const MEDICAL: OpenCallTerms = {
  id: 'medical-imaging',
  topics: [
    { phrase: MULTIMODAL, synonyms: ['multi-modal learning', 'vision-language models'] },
    { phrase: AGENTIC, synonyms: [] },
    { phrase: SKILL, synonyms: ['skill assessment'] },
    { phrase: LOOP, synonyms: ['human-in-the-loop', 'active learning', 'segmentación interactiva'] },
  ],
  programmes: [
    { name: 'DPhil in Engineering Science', aliases: ['Engineering Science DPhil'] },
    { name: 'EPSRC CDT in Health Data Science', aliases: ['Health Data Science CDT'] },
    { name: 'EPSRC CDT in AI for Healthcare', aliases: ['AI for Healthcare CDT'] },
  ],
};
const ROBOTICS: OpenCallTerms = {
  id: 'robotics',
  topics: [
    { phrase: ROBUST_RL, synonyms: ['robust RL', 'sim-to-real'] },
    { phrase: 'surgical robotics', synonyms: [] },
  ],
  programmes: [{ name: 'DPhil in Engineering Science', aliases: ['Engineering Science DPhil'] }],
};
const CALLS = [MEDICAL, ROBOTICS];

type Expected = readonly [
  what: 'topic' | 'programme',
  name: string,
  place: 'subject' | 'body',
  quote: string,
];

/** One piece of evidence: which term, where, quoting which words of the message. */
const EVIDENCE: readonly (readonly [name: string, subject: string, body: string, expected: Expected])[] = [
  // synonyms: whole phrases, hyphen/space/case/width/accent-insensitive
  [
    'synonym as written',
    'Hello',
    'My interest is multi-modal learning.',
    ['topic', MULTIMODAL, 'body', 'multi-modal learning'],
  ],
  [
    'synonym without the hyphen',
    'Hello',
    'My interest is multimodal learning.',
    ['topic', MULTIMODAL, 'body', 'multimodal learning'],
  ],
  [
    'synonym with a space for the hyphen, in capitals',
    'Hello',
    'My interest is MULTI MODAL LEARNING.',
    ['topic', MULTIMODAL, 'body', 'MULTI MODAL LEARNING'],
  ],
  [
    'synonym in full-width letters (NFKC)',
    'ｈｕｍａｎ－ｉｎ－ｔｈｅ－ｌｏｏｐ',
    '',
    ['topic', LOOP, 'subject', 'human-in-the-loop'],
  ],
  [
    'synonym without its accent',
    'Hola',
    'Trabajo en segmentacion interactiva.',
    ['topic', LOOP, 'body', 'segmentacion interactiva'],
  ],
  [
    'synonym in Chinese text without spaces',
    '博士申请',
    '研究方向是human-in-the-loop方法。',
    ['topic', LOOP, 'body', 'human-in-the-loop'],
  ],
  [
    'synonym in the plural',
    'Hello',
    'I want to work on vision-language model.',
    ['topic', MULTIMODAL, 'body', 'vision-language model'],
  ],
  // topic phrases: ≥ 3 significant words in a row, stop words skipped, image/images/imaging alike
  [
    'three significant words, another stop word',
    'Hello',
    'I would like to work on agentic workflows in medical image analysis.',
    ['topic', AGENTIC, 'body', 'agentic workflows in medical image analysis'],
  ],
  [
    '"imaging" for "image"',
    'Hello',
    'I want to study agentic workflows for medical imaging.',
    ['topic', AGENTIC, 'body', 'agentic workflows for medical imaging'],
  ],
  [
    '"images" for "image", in the subject',
    'Workflows for medical images',
    '',
    ['topic', AGENTIC, 'subject', 'Workflows for medical images'],
  ],
  [
    'a run over "factor/skill"',
    'Hello',
    'My MSc was on skill analysis in medical imaging.',
    ['topic', SKILL, 'body', 'skill analysis in medical imaging'],
  ],
  [
    'a hyphenated compound and two more words',
    'Hello',
    'I used multi-modal machine learning in my thesis.',
    ['topic', MULTIMODAL, 'body', 'multi-modal machine learning'],
  ],
  [
    'a synonym next to a run: joined',
    'Hello',
    'My thesis: multimodal learning for medical imaging.',
    ['topic', MULTIMODAL, 'body', 'multimodal learning for medical imaging'],
  ],
  [
    'a phrase of two significant words, whole',
    'Hello',
    'I am keen on surgical robotics.',
    ['topic', 'surgical robotics', 'body', 'surgical robotics'],
  ],
  // programmes: name or alias, whole
  [
    'programme by name',
    'Hello',
    'I will apply to the EPSRC CDT in Health Data Science.',
    ['programme', 'EPSRC CDT in Health Data Science', 'body', 'EPSRC CDT in Health Data Science'],
  ],
  [
    'programme by alias',
    'AI for Healthcare CDT application',
    '',
    ['programme', 'EPSRC CDT in AI for Healthcare', 'subject', 'AI for Healthcare CDT'],
  ],
  [
    'programme with a dotted abbreviation',
    'Hello',
    'I will apply for the D.Phil. in Engineering Science.',
    ['programme', 'DPhil in Engineering Science', 'body', 'D.Phil. in Engineering Science'],
  ],
];

/** Nothing of either call. */
const NO_MATCH: readonly (readonly [name: string, subject: string, body: string])[] = [
  ['two significant words of a longer phrase', 'Hello', 'My field is medical imaging.'],
  ['a hyphenated compound counts as one word', 'Hello', 'We tried multi-modal machine translation.'],
  ['a run broken by a sentence end', 'Hello', 'We build agentic workflows. Medical imaging is our field.'],
  [
    'a run broken by another significant word',
    'Hello',
    'I like agentic workflows for cardiac medical imaging.',
  ],
  ['a synonym inside a longer word', 'Hello', 'I did interactive learning with robust RLHF.'],
  ['part of a short phrase', 'Hello', 'I am keen on surgical planning and on robotics.'],
  ['part of a programme name', 'Hello', 'I studied Engineering Science at Oxford.'],
  [
    'a term only in the quoted message',
    'Re: question',
    'Yes.\n\nOn Mon, 3 Nov 2025 at 10:00, Helen <h@x.example> wrote:\n> multi-modal learning?',
  ],
  ['a term only in the signature', 'Hello', 'See you then.\n-- \nEPSRC CDT in Health Data Science'],
  ['a term after the first 3,000 characters', 'Hello', `${'Some news. '.repeat(300)}multi-modal learning`],
];

describe('matchOpenCall', () => {
  it.each(EVIDENCE)('matches and quotes: %s', (_name, subject, body, [what, name, place, quote]) => {
    const match = matchOpenCall(subject, body, CALLS);
    expect(match?.evidence).toContainEqual({ what, name, place, quote });
  });

  it.each(NO_MATCH)('matches nothing: %s', (_name, subject, body) => {
    expect(matchOpenCall(subject, body, CALLS)).toBeNull();
  });

  it('lists the matched topics and programmes in config order, with one piece of evidence each', () => {
    const match = matchOpenCall(
      'DPhil application – human-in-the-loop',
      'I will apply for the Health Data Science CDT; my MSc was on multimodal learning.',
      CALLS,
    );
    expect(match).toEqual({
      callId: 'medical-imaging',
      topics: [MULTIMODAL, LOOP],
      programmes: ['EPSRC CDT in Health Data Science'],
      evidence: [
        { what: 'topic', name: MULTIMODAL, place: 'body', quote: 'multimodal learning' },
        { what: 'topic', name: LOOP, place: 'subject', quote: 'human-in-the-loop' },
        {
          what: 'programme',
          name: 'EPSRC CDT in Health Data Science',
          place: 'body',
          quote: 'Health Data Science CDT',
        },
      ],
    });
  });

  it('chooses the call with the most matches; a tie goes to the call configured first', () => {
    const both = 'I will apply for the DPhil in Engineering Science';
    expect(
      matchOpenCall('Hello', `${both} on robust reinforcement learning for robotics.`, CALLS),
    ).toMatchObject({
      callId: 'robotics',
      topics: [ROBUST_RL],
      programmes: ['DPhil in Engineering Science'],
    });
    expect(matchOpenCall('Hello', `${both}.`, CALLS)?.callId).toBe('medical-imaging');
    expect(matchOpenCall('Hello', `${both}.`, [ROBOTICS, MEDICAL])?.callId).toBe('robotics');
  });

  it('uses the terms found in the documents when the text names none, with place "document"', () => {
    const text = 'Dear Prof Marsh, I would like to apply for a DPhil. Please find my CV attached.';
    expect(matchOpenCall('PhD enquiry', text, CALLS)).toBeNull();
    expect(matchOpenCall('PhD enquiry', text, CALLS, ['Skill Assessment'])).toEqual({
      callId: 'medical-imaging',
      topics: [SKILL],
      programmes: [],
      evidence: [{ what: 'topic', name: SKILL, place: 'document', quote: 'Skill Assessment' }],
    });
    expect(matchOpenCall('PhD enquiry', text, CALLS, [ROBUST_RL, 'Engineering Science DPhil'])).toMatchObject(
      {
        callId: 'robotics',
        evidence: [
          { what: 'topic', name: ROBUST_RL, place: 'document', quote: ROBUST_RL },
          {
            what: 'programme',
            name: 'DPhil in Engineering Science',
            place: 'document',
            quote: 'Engineering Science DPhil',
          },
        ],
      },
    );
  });

  it('takes the terms as the document reader returns them (matchKeywords over documentTermsOf)', () => {
    const cv = 'MSc project: video-based Skill-Assessment in laparoscopy (2024).';
    const found = matchKeywords(cv, documentTermsOf(CALLS));
    expect(found).toEqual(['skill assessment']);
    expect(
      matchOpenCall('PhD enquiry', 'I would like to apply for a DPhil.', CALLS, found)?.evidence,
    ).toEqual([{ what: 'topic', name: SKILL, place: 'document', quote: 'skill assessment' }]);
  });

  it('prefers the message to the documents as evidence for the same topic', () => {
    const match = matchOpenCall('Hello', 'I work on skill assessment.', CALLS, ['skill assessment']);
    expect(match?.evidence).toEqual([
      { what: 'topic', name: SKILL, place: 'body', quote: 'skill assessment' },
    ]);
  });

  it('quotes at most 120 characters, cut with "…"', () => {
    const phrase = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ');
    const call: OpenCallTerms = { id: 'long', topics: [{ phrase, synonyms: [] }], programmes: [] };
    const quote = matchOpenCall('Hello', `Topic: ${phrase}.`, [call])?.evidence[0]?.quote ?? '';
    expect(quote).toHaveLength(120);
    expect(quote).toBe(`${phrase.slice(0, 119)}…`);
  });

  it('reads a 1 MB body of repeated words and returns what the first 3,000 characters say', () => {
    const hostile = 'multi modal multi modal machine machine learning '.repeat(21_000);
    expect(
      matchOpenCall('Hello', `I work on agentic workflows for medical imaging. ${hostile}`, CALLS),
    ).toMatchObject({
      callId: 'medical-imaging',
      topics: [AGENTIC],
    });
    expect(matchOpenCall('x'.repeat(1_000_000), 'medical '.repeat(130_000), CALLS)).toBeNull();
  });
});

describe('documentTermsOf', () => {
  it('lists each topic’s synonyms and phrase and each programme’s name and aliases, once (case aside)', () => {
    const calls: OpenCallTerms[] = [
      {
        id: 'a',
        topics: [{ phrase: 'agentic workflows for medical image analysis', synonyms: ['Agentic workflows'] }],
        programmes: [{ name: 'DPhil in Engineering Science', aliases: ['Engineering Science DPhil'] }],
      },
      {
        id: 'b',
        topics: [{ phrase: 'robust RL', synonyms: ['agentic workflows', 'sim-to-real'] }],
        programmes: [{ name: 'DPhil in Engineering Science', aliases: [] }],
      },
    ];
    expect(documentTermsOf(calls)).toEqual([
      'Agentic workflows',
      'agentic workflows for medical image analysis',
      'DPhil in Engineering Science',
      'Engineering Science DPhil',
      'sim-to-real',
      'robust RL',
    ]);
  });
});

describe('describeCallEvidence', () => {
  it('writes one line per piece of evidence', () => {
    expect(
      describeCallEvidence([
        { what: 'topic', name: AGENTIC, place: 'body', quote: 'agentic workflows for medical imaging' },
        { what: 'programme', name: 'DPhil in Engineering Science', place: 'document', quote: 'DPhil' },
      ]),
    ).toEqual([
      'topic "agentic workflows for medical image analysis" in body: "agentic workflows for medical imaging"',
      'programme "DPhil in Engineering Science" in document: "DPhil"',
    ]);
  });
});
