import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { findStudyIntent } from '../../../../src/stages/enquiries/study-intent.ts';
import { matchOpenCall, type OpenCallTerms } from '../../../../src/stages/enquiries/match-open-call.ts';

const CALLS: readonly OpenCallTerms[] = [
  {
    id: 'medical-imaging',
    topics: [
      {
        phrase: 'multi-modal machine learning for medical image, signal, language',
        synonyms: ['multimodal learning', 'multi-modal machine learning', 'vision-language models'],
      },
      {
        phrase: 'agentic workflows for medical image analysis',
        synonyms: ['agentic workflows', 'LLM agents'],
      },
      {
        phrase: 'machine learning for human factor/skill analysis in medical imaging',
        synonyms: ['skill assessment', 'eye tracking', 'human factors'],
      },
      {
        phrase: 'human-in-the-loop learning and inference approaches for medical imaging',
        synonyms: ['human-in-the-loop', 'interactive segmentation', 'active learning'],
      },
    ],
    programmes: [
      { name: 'DPhil in Engineering Science', aliases: ['Engineering Science DPhil'] },
      { name: 'EPSRC CDT in Health Data Science', aliases: ['Health Data Science CDT'] },
      {
        name: 'EPSRC CDT in AI for Healthcare',
        aliases: ['AI for Healthcare CDT', 'CDT in AI for Healthcare'],
      },
    ],
  },
  {
    id: 'robotics',
    topics: [
      {
        phrase: 'robust reinforcement learning for robotics',
        synonyms: ['robust RL', 'safe reinforcement learning', 'sim-to-real'],
      },
    ],
    programmes: [
      { name: 'DPhil in Engineering Science', aliases: [] },
      {
        name: 'EPSRC CDT in Autonomous Intelligent Machines and Systems',
        aliases: ['AIMS CDT', 'CDT in Autonomous Intelligent Machines and Systems'],
      },
    ],
  },
];

/**
 * An enquiry (the call, and a topic or programme that must be among those matched), or why a message is none: no
 * study intent of the sender's ("no intent": the colleague who names a topic), or no call it matches ("no call").
 */
type Label = { callId: string; matched: string } | 'no intent' | 'no call';

const MULTIMODAL = CALLS[0]?.topics[0]?.phrase ?? '';
const AGENTIC = CALLS[0]?.topics[1]?.phrase ?? '';
const SKILL = CALLS[0]?.topics[2]?.phrase ?? '';
const LOOP = CALLS[0]?.topics[3]?.phrase ?? '';
const ROBUST_RL = CALLS[1]?.topics[0]?.phrase ?? '';

const TABLE: readonly (readonly [fixture: string, label: Label])[] = [
  // enquiries for the medical-imaging call
  ['en-prospective-dphil-multimodal-cv.eml', { callId: 'medical-imaging', matched: MULTIMODAL }],
  [
    'en-prospective-dphil-multimodal-cv.eml',
    { callId: 'medical-imaging', matched: 'DPhil in Engineering Science' },
  ],
  [
    'en-cdt-health-data-science-outlook.eml',
    { callId: 'medical-imaging', matched: 'EPSRC CDT in Health Data Science' },
  ],
  ['en-cdt-health-data-science-outlook.eml', { callId: 'medical-imaging', matched: LOOP }],
  ['en-agentic-workflows-apple-mail.eml', { callId: 'medical-imaging', matched: AGENTIC }],
  ['en-phd-enquiry-skill-analysis.eml', { callId: 'medical-imaging', matched: SKILL }],
  [
    'en-willing-to-supervise-ai-healthcare.eml',
    { callId: 'medical-imaging', matched: 'EPSRC CDT in AI for Healthcare' },
  ],
  ['en-willing-to-supervise-ai-healthcare.eml', { callId: 'medical-imaging', matched: SKILL }],
  ['de-promotion-agentic-workflows.eml', { callId: 'medical-imaging', matched: AGENTIC }],
  ['fr-these-human-in-the-loop.eml', { callId: 'medical-imaging', matched: LOOP }],
  ['fr-these-human-in-the-loop.eml', { callId: 'medical-imaging', matched: 'DPhil in Engineering Science' }],
  ['es-doctorado-vision-language.eml', { callId: 'medical-imaging', matched: MULTIMODAL }],
  [
    'it-dottorato-engineering-science.eml',
    { callId: 'medical-imaging', matched: 'DPhil in Engineering Science' },
  ],
  ['it-dottorato-engineering-science.eml', { callId: 'medical-imaging', matched: LOOP }],
  ['pt-doutorado-skill-assessment.eml', { callId: 'medical-imaging', matched: SKILL }],
  ['zh-boshi-multimodal.eml', { callId: 'medical-imaging', matched: MULTIMODAL }],
  ['en-subject-only-application.eml', { callId: 'medical-imaging', matched: AGENTIC }],
  ['en-taking-students-interactive-segmentation.eml', { callId: 'medical-imaging', matched: LOOP }],
  ['en-reply-thread-active-learning.eml', { callId: 'medical-imaging', matched: LOOP }],
  [
    'en-dphil-abbrev-eye-tracking.eml',
    { callId: 'medical-imaging', matched: 'DPhil in Engineering Science' },
  ],
  ['en-dphil-abbrev-eye-tracking.eml', { callId: 'medical-imaging', matched: SKILL }],
  // enquiries for the robotics call (the shared DPhil counts for both; the topic decides)
  ['en-robotics-robust-rl.eml', { callId: 'robotics', matched: ROBUST_RL }],
  [
    'en-robotics-aims-cdt.eml',
    { callId: 'robotics', matched: 'EPSRC CDT in Autonomous Intelligent Machines and Systems' },
  ],
  ['de-robotics-doktorand-safe-rl.eml', { callId: 'robotics', matched: ROBUST_RL }],
  // a wish to study, but for neither call
  ['en-other-field-quantum.eml', 'no call'],
  // not enquiries, though most name a topic or programme of a call
  ['colleague-paper-draft.eml', 'no intent'],
  ['colleague-hiring-please-share.eml', 'no intent'],
  ['student-elsewhere-code-request.eml', 'no intent'],
  ['seminar-announcement.eml', 'no intent'],
  ['journal-review-invitation.eml', 'no intent'],
  ['cfp-workshop.eml', 'no intent'],
  ['signature-phd-dataset-offer.eml', 'no intent'],
  ['thesis-examination-arrangements.eml', 'no intent'],
  ['department-newsletter.eml', 'no intent'],
  ['thank-you-current-student.eml', 'no intent'],
  ['colleague-my-student-cdt.eml', 'no intent'],
  ['colleague-forwarded-enquiry.eml', 'no intent'],
  ['postdoc-enquiry.eml', 'no intent'],
  ['zh-colleague-my-phd-student-visit.eml', 'no intent'],
  ['student-elsewhere-dataset-request.eml', 'no intent'],
  ['de-colleague-disputation-invitation.eml', 'no intent'],
];

/** What the body alone says (the subject left out), decoded by the parser: the start of the quoted intent, or null. */
const BODY_ALONE: readonly (readonly [fixture: string, quoteStart: string | null])[] = [
  ['en-prospective-dphil-multimodal-cv.eml', 'I am writing to enquire about DPhil opportunities'],
  ['en-phd-enquiry-skill-analysis.eml', 'I would like to apply for a DPhil in your group.'],
  ['en-dphil-abbrev-eye-tracking.eml', 'I would like to apply for the D.Phil. in Engineering Science'],
  ['en-taking-students-interactive-segmentation.eml', 'Are you taking DPhil students'],
  ['de-promotion-agentic-workflows.eml', 'Ich möchte sehr gerne bei Ihnen promovieren.'],
  ['de-robotics-doktorand-safe-rl.eml', 'ich interessiere mich für eine Promotion'],
  ['fr-these-human-in-the-loop.eml', 'Je me permets de vous contacter car je souhaiterais faire une thèse'],
  ['es-doctorado-vision-language.eml', 'Me gustaría realizar un doctorado bajo su supervisión.'],
  ['it-dottorato-engineering-science.eml', 'Vorrei candidarmi al dottorato'],
  ['pt-doutorado-skill-assessment.eml', 'Gostaria de fazer um doutorado sob sua orientação.'],
  ['zh-boshi-multimodal.eml', '我希望申请攻读您课题组的博士学位'],
  // the subject carries these
  ['en-subject-only-application.eml', null],
  ['en-reply-thread-active-learning.eml', null],
  // a forward: the enquirer's words are below the marker
  ['colleague-forwarded-enquiry.eml', null],
];

async function parseFixture(name: string) {
  const buffer = await readFile(new URL(`../../../fixtures/mail/enquiries/${name}`, import.meta.url));
  return parseMessage(buffer, { maxAttachments: 10 });
}

/** The decision on an untagged message: an enquiry needs a wish to study and a call it matches. */
function decide(subject: string, text: string): Label | 'neither' {
  const intent = findStudyIntent(subject, text);
  const match = matchOpenCall(subject, text, CALLS);
  if (intent && match)
    return { callId: match.callId, matched: [...match.topics, ...match.programmes].join(' | ') };
  return intent ? 'no call' : match ? 'no intent' : 'neither';
}

describe('untagged mail through the real parser: enquiry ⇔ study intent and a matching open call', () => {
  it.each(TABLE)('%s', async (fixture, label) => {
    const { facts, text } = await parseFixture(fixture);
    const decision = decide(facts.subject, text);
    if (typeof label === 'string') {
      expect(decision).toBe(label);
      return;
    }
    expect(decision).toMatchObject({ callId: label.callId });
    const matched = typeof decision === 'object' ? decision.matched.split(' | ') : [];
    expect(matched).toContain(label.matched);
  });

  it.each(BODY_ALONE)('the body alone: %s', async (fixture, quoteStart) => {
    const { text } = await parseFixture(fixture);
    const intent = findStudyIntent('', text);
    if (quoteStart === null) expect(intent).toBeNull();
    else expect(intent?.quote.slice(0, quoteStart.length)).toBe(quoteStart);
  });

  it('labels ≥ 25 distinct mails, enquiries and not', () => {
    const fixtures = new Set(TABLE.map(([fixture]) => fixture));
    const enquiries = new Set(
      TABLE.filter(([, label]) => typeof label === 'object').map(([fixture]) => fixture),
    );
    expect(fixtures.size).toBeGreaterThanOrEqual(25);
    expect(enquiries.size).toBeGreaterThanOrEqual(10);
    expect(fixtures.size - enquiries.size).toBeGreaterThanOrEqual(10);
  });
});
