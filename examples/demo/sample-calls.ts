import { writeFile } from 'node:fs/promises';
import { DEMO_ADDRESS, type Spec } from './sample-mail.ts';

const DAY = 24 * 60 * 60 * 1000;

/** `2025-12-02T12:00`: a wall-clock time `days` from `now` at `hour`:00, for a deadline in the call's time zone. */
function wallClock(now: Date, days: number, hour: number): string {
  const date = new Date(now.getTime() + days * DAY);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

/**
 * The demo's open call, modelled on a real supervisor's page of potential DPhil topics: no tag, the topics, the
 * programmes one can apply through (one deadline in six days, one passed), and the supervisor's own paragraph.
 */
export function demoOpenCall(now: Date) {
  return {
    id: 'medical-ai',
    title: 'DPhil topics in machine learning for medical imaging',
    supervisors: [DEMO_ADDRESS],
    topics: [
      {
        phrase: 'multi-modal machine learning for medical image, signal, language',
        synonyms: ['multimodal learning'],
      },
      {
        phrase: 'agentic workflows for medical image analysis',
        synonyms: ['agentic workflows', 'AI agents'],
      },
      {
        phrase: 'machine learning for human factor/skill analysis in medical imaging',
        synonyms: ['skill assessment'],
      },
      {
        phrase: 'human-in-the-loop learning and inference approaches for medical imaging',
        synonyms: ['human-in-the-loop', 'interactive segmentation'],
      },
    ],
    programmes: [
      {
        name: 'DPhil in Engineering Science',
        link: 'https://www.ox.ac.uk/admissions/graduate/courses/dphil-engineering-science',
        deadline: wallClock(now, 6, 12),
        note: 'Applications by this deadline are considered for most scholarships automatically.',
      },
      {
        name: 'EPSRC CDT in Health Data Science',
        aliases: ['Health Data Science CDT'],
        link: 'https://www.cdt.example/health-data-science',
        deadline: wallClock(now, -3, 12),
      },
    ],
    timezone: 'Europe/London',
    timezoneName: 'UK time',
    documents: { required: ['cv'], optional: ['transcript', 'research'] },
    answerEnquiries: true,
    replyNote:
      'Due to the high volume of enquiries as the deadline approaches, I may not be able to respond to all ' +
      'emails. A lack of reply is not a reflection of your qualifications or potential.',
  };
}

/** The form responses (as Google Forms exports them) of the tagged vacancy's registration form. */
export async function writeDemoRegistrations(file: string): Promise<void> {
  const rows = [
    '"Timestamp","Email Address","Full name","Current institution"',
    '"2026/01/10 9:14:03 AM GMT","ada.lovelace@example.org","Ada Lovelace","University of Edinburgh"',
    // Bo registered with another address: matched by his name.
    '"2026/01/11 4:40:51 PM GMT","bozhang.iitd@gmail.example","Bo Zhang","IIT Delhi"',
  ];
  await writeFile(file, `${rows.join('\r\n')}\r\n`, 'utf8');
}

/** Two prospective students' enquiries for the open call, and a colleague's mail about one of its topics. */
export const CALL_SAMPLES: ReadonlyArray<{ shows: string; spec: Spec }> = [
  {
    shows: 'an untagged enquiry naming a topic of the open call',
    spec: {
      from: '"Amara Nwosu" <amara.nwosu@example.ng>',
      subject: 'Prospective DPhil student – agentic workflows for medical imaging',
      messageId: '<amara-enquiry@example.ng>',
      text:
        'Dear Dr Chen,\n\nI am writing to enquire about DPhil opportunities in your group. I am particularly ' +
        'interested in agentic workflows for medical image analysis, building on my MSc project.\n\n' +
        'Would you be willing to supervise me through the DPhil in Engineering Science?\n\nBest regards,\nAmara',
    },
  },
  {
    shows: 'an enquiry whose topic is only in the attached CV',
    spec: {
      from: '"Mei Tanaka" <mei.tanaka@example.jp>',
      subject: 'PhD enquiry',
      messageId: '<mei-enquiry@example.jp>',
      text:
        'Dear Dr Chen,\n\nI would like to apply for a PhD under your supervision next year. My CV is attached.\n\n' +
        'Kind regards,\nMei Tanaka',
      attachments: ['Mei_Tanaka_CV.pdf'],
    },
  },
  {
    shows: "a colleague's mail on a topic of the call (Dr Chen has written to her before)",
    spec: {
      from: '"Prof. Giulia Rossi" <giulia.rossi@polimi.example>',
      subject: 'Joint DPhil project on human-in-the-loop learning?',
      messageId: '<rossi-joint-project@polimi.example>',
      text:
        'Dear Chen,\n\nwould you be willing to co-supervise a DPhil student with me on human-in-the-loop learning ' +
        'and inference approaches for medical imaging? Happy to talk next week.\n\nGiulia',
    },
  },
];

/** A message Dr Chen sent earlier, in the Sent folder: its recipient is a colleague, never an enquirer. */
export function sentToColleague(date: Date): string {
  return [
    `From: "Dr Chen" <${DEMO_ADDRESS}>`,
    'To: "Prof. Giulia Rossi" <giulia.rossi@polimi.example>',
    'Subject: Re: MICCAI workshop',
    `Date: ${date.toUTCString()}`,
    'Message-ID: <chen-to-rossi@uni.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Dear Giulia, thank you, see you in Marrakesh.',
    '',
  ].join('\r\n');
}
