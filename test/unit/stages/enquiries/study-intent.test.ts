import { describe, expect, it } from 'vitest';
import { findStudyIntent } from '../../../../src/stages/enquiries/study-intent.ts';

type Case = readonly [name: string, subject: string, body: string];

/** Intent in the body: the quote runs from where the sentence says it to the sentence's end. */
const BODY_INTENT: readonly (readonly [...Case, quote: string])[] = [
  [
    'enquiring about opportunities',
    'Hello',
    'Dear Prof Marsh,\n\nI am writing to enquire about PhD opportunities in your group.\n',
    'I am writing to enquire about PhD opportunities in your group.',
  ],
  [
    'a wrapped line (lines of an e-mail are unwrapped)',
    'Hello',
    'Dear Prof Marsh,\nI am writing to enquire\nabout DPhil opportunities for 2026.',
    'I am writing to enquire about DPhil opportunities for 2026.',
  ],
  ['apply for a DPhil', 'Hello', 'I would like to apply for a DPhil.', 'I would like to apply for a DPhil.'],
  [
    'pursuing a PhD under your supervision',
    'Hello',
    'I am interested in pursuing a PhD under your supervision.',
    'I am interested in pursuing a PhD under your supervision.',
  ],
  [
    'prospective student',
    'Hello',
    'I am a prospective DPhil student from Ghana.',
    'I am a prospective DPhil student from Ghana.',
  ],
  [
    'potential supervisor',
    'Hello',
    'Having read your papers, I have identified you as a potential supervisor.',
    'Having read your papers, I have identified you as a potential supervisor.',
  ],
  [
    'willing to supervise me',
    'Hello',
    'Would you be willing to supervise me?',
    'Would you be willing to supervise me?',
  ],
  [
    'doctoral studies',
    'Hello',
    'I hope to undertake doctoral studies in your group.',
    'I hope to undertake doctoral studies in your group.',
  ],
  [
    'studentship, first person',
    'Hello',
    'I would like to apply for the studentship on your website.',
    'I would like to apply for the studentship on your website.',
  ],
  [
    'joining as a PhD student',
    'Hello',
    'I would love to join your lab as a PhD student.',
    'I would love to join your lab as a PhD student.',
  ],
  [
    'openings for students',
    'Hello',
    'Could you let me know whether you have any openings for PhD students?',
    'Could you let me know whether you have any openings for PhD students?',
  ],
  [
    'an interest in pursuing',
    'Hello',
    'I am reaching out to express my interest in pursuing a PhD in your lab.',
    'I am reaching out to express my interest in pursuing a PhD in your lab.',
  ],
  [
    'an invitation to apply, accepted',
    'Hello',
    'Thank you for your invitation to apply, and I would like to apply for the DPhil.',
    'Thank you for your invitation to apply, and I would like to apply for the DPhil.',
  ],
  [
    'taking students',
    'Hello',
    'Are you taking PhD students next year?',
    'Are you taking PhD students next year?',
  ],
  [
    'capitals and dotted abbreviations',
    'Hello',
    'I WOULD LIKE TO APPLY FOR A D.PHIL. IN YOUR GROUP.',
    'I WOULD LIKE TO APPLY FOR A D.PHIL. IN YOUR GROUP.',
  ],
  [
    'German: promovieren',
    'Hallo',
    'Ich möchte gerne bei Ihnen promovieren.',
    'Ich möchte gerne bei Ihnen promovieren.',
  ],
  [
    'German: Promotionsstelle',
    'Hallo',
    'Ich interessiere mich für eine Promotionsstelle.',
    'Ich interessiere mich für eine Promotionsstelle.',
  ],
  [
    'German: Doktorandin, verb first',
    'Hallo',
    'Gerne würde ich als Doktorandin in Ihrer Gruppe forschen.',
    'Gerne würde ich als Doktorandin in Ihrer Gruppe forschen.',
  ],
  [
    'German in capitals without umlauts',
    'Hallo',
    'ICH MOECHTE PROMOVIEREN UND WUERDE GERN PROMOVIEREN.',
    'ICH MOECHTE PROMOVIEREN UND WUERDE GERN PROMOVIEREN.',
  ],
  [
    'French: thèse',
    'Bonjour',
    'Je souhaiterais faire une thèse sous votre direction.',
    'Je souhaiterais faire une thèse sous votre direction.',
  ],
  [
    'French: typographic apostrophe, no accent',
    'Bonjour',
    'J’aimerais postuler pour une these dans votre equipe.',
    'J’aimerais postuler pour une these dans votre equipe.',
  ],
  [
    'Spanish: doctorado',
    'Hola',
    'Me gustaría realizar un doctorado bajo su supervisión.',
    'Me gustaría realizar un doctorado bajo su supervisión.',
  ],
  [
    'Spanish: tesis doctoral',
    'Hola',
    'Estoy interesada en hacer la tesis doctoral en su grupo.',
    'Estoy interesada en hacer la tesis doctoral en su grupo.',
  ],
  [
    'Italian: dottorato',
    'Salve',
    'Vorrei fare domanda per il dottorato di ricerca.',
    'Vorrei fare domanda per il dottorato di ricerca.',
  ],
  [
    'Portuguese: doutoramento',
    'Olá',
    'Gostaria de fazer um doutoramento na sua equipa.',
    'Gostaria de fazer um doutoramento na sua equipa.',
  ],
  ['Chinese: 攻读博士', '您好', '我想申请攻读博士学位。', '我想申请攻读博士学位。'],
  ['Chinese: 读博', '您好', '我希望明年去您那里读博。', '我希望明年去您那里读博。'],
  ['Chinese: 导师', '您好', '希望您能担任我的博士导师。', '希望您能担任我的博士导师。'],
];

const SUBJECT_INTENT: readonly Case[] = [
  ['PhD enquiry', 'PhD enquiry', ''],
  ['Prospective DPhil student', 'Prospective DPhil student', ''],
  ['DPhil application – medical imaging', 'DPhil application – medical imaging', ''],
  ['a reply keeps the subject', 'Re: PhD enquiry', 'Thank you, I will apply.'],
  ['enquiry about positions', 'Inquiry about PhD positions in your lab', ''],
  ['full-width letters (NFKC)', 'ＰｈＤ ｅｎｑｕｉｒｙ', ''],
  ['German', 'Anfrage Promotion', ''],
  ['German, applying as', 'Bewerbung als Doktorandin', ''],
  ['French', 'Candidature doctorat', ''],
  ['Spanish', 'Solicitud de doctorado', ''],
  ['Italian', 'Candidatura dottorato', ''],
  ['Portuguese', 'Candidatura a doutoramento', ''],
  ['Chinese', '读博咨询', ''],
];

const NOT_INTENT: readonly Case[] = [
  [
    '"PhD" in a signature after a sign-off',
    'Dataset',
    'Our data is now public.\n\nBest regards,\nJane Doe, PhD',
  ],
  [
    'a footer after the sign-off that sounds like intent',
    'Minutes',
    'Minutes attached.\n\nKind regards,\nMarta\nI want to do a PhD - where do I start? Read our guide at phd.example.org',
  ],
  [
    'a signature after "-- "',
    'Minutes',
    'Minutes attached.\n-- \nPhD candidate, Dept of X\nI would like to apply for a DPhil? See dphil.example.org',
  ],
  ['a colleague: our PhD students present', 'Re: draft', 'One of our PhD students will present the work.'],
  ['a colleague hiring', 'PhD position', 'We are hiring a PhD student, please share with your group.'],
  [
    'a colleague: my PhD student and I',
    'CDT',
    'My PhD student and I would like to apply for the CDT seed fund.',
  ],
  [
    'a PhD student elsewhere asking for code',
    'Code request',
    "I am a PhD student in Prof. X's group and I read your paper. Could you share the code?",
  ],
  [
    'currently doing a PhD',
    'Dataset',
    'I am currently doing a PhD at Imperial and would like to ask about your dataset.',
  ],
  [
    'a seminar',
    'Seminar on Friday',
    'PhD students are welcome. I would be happy if DPhil students from your group attended.',
  ],
  [
    'a review invitation',
    'Invitation to review',
    'I would like to invite you to review a manuscript on machine learning for medical imaging.',
  ],
  [
    'a call for papers',
    'Call for papers: MICCAI workshop',
    'PhD students are encouraged to submit. Submission deadline: 1 May.',
  ],
  [
    'a thesis examination',
    'DPhil thesis examination - arrangements',
    'I am writing to ask whether you would be willing to act as internal examiner for the DPhil thesis of Mr Patel.',
  ],
  [
    'a thank-you from a current student',
    'Thank you!',
    'Thank you for supervising my DPhil, I passed my viva!',
  ],
  [
    'a colleague asking to co-supervise',
    'Student',
    'I wanted to ask if you would be interested in co-supervising a DPhil student with me.',
  ],
  [
    'German colleague: joint supervision',
    'Betreuung',
    'Ich wollte fragen, ob Sie Interesse an einer gemeinsamen Betreuung einer Doktorarbeit hätten.',
  ],
  ['studentship paperwork', 'Forms', 'I plan to submit the studentship paperwork tomorrow.'],
  ['a colleague looking for a student', 'Student', 'I am looking for a PhD student to join my project.'],
  ['an open day', 'Open day', 'I hope you enjoyed the PhD open day last week.'],
  [
    'a postdoc after completing a PhD',
    'Postdoc',
    'I am interested in postdoctoral opportunities after completing my PhD in June.',
  ],
  [
    'a postdoc enquiry',
    'Postdoctoral position',
    'I completed my PhD in 2020 and I would like to apply for a postdoctoral position.',
  ],
  [
    'intent only in the quoted message',
    'Re: your question',
    'Yes, Thursday works.\n\nOn Mon, 3 Nov 2025 at 10:00, Jane <j@x.example> wrote:\n> I would like to apply for a DPhil.',
  ],
  [
    'a forwarded enquiry: the subject and the forwarded words are not the sender’s',
    'Fwd: PhD enquiry',
    'Helen, one for you?\n\n---------- Forwarded message ---------\nFrom: N <n@x.example>\n\nI would like to apply for a DPhil.',
  ],
  [
    'German colleague: Disputation',
    'Einladung',
    'Ich möchte Sie zur Disputation meiner Doktorandin einladen.',
  ],
  [
    'French colleague: soutenance',
    'Soutenance',
    'Je vous écris au sujet de la soutenance de thèse de mon doctorant.',
  ],
  ['Chinese colleague: 我的博士生', '访问', '我的博士生下周将到牛津访问。'],
  ['Chinese: already doing a PhD', '请教', '我目前在清华大学攻读博士学位，想请教您代码的问题。'],
  ['Chinese: a postdoc', '申请', '我想申请博士后职位。'],
  ['Chinese: a salutation', '尊敬的王博士', '王博士您好，附件是会议议程。'],
  ['an application for promotion is not a doctorate', 'Application for promotion', 'Please see attached.'],
];

describe('findStudyIntent', () => {
  it.each(BODY_INTENT)('finds first-person intent in the body: %s', (_name, subject, body, quote) => {
    expect(findStudyIntent(subject, body)).toEqual({ place: 'body', quote });
  });

  it.each(SUBJECT_INTENT)('finds intent in the subject: %s', (_name, subject, body) => {
    expect(findStudyIntent(subject, body)).toEqual({
      place: 'subject',
      quote: subject.normalize('NFKC').replace(/^Re: /, ''),
    });
  });

  it.each(NOT_INTENT)('finds no intent: %s', (_name, subject, body) => {
    expect(findStudyIntent(subject, body)).toBeNull();
  });

  it('finds the sender’s own words above a forward they resend', () => {
    const body =
      'Dear Prof Marsh, I am resending my email below: I would like to apply for a DPhil in your group.\n\n' +
      '---------- Forwarded message ---------\nFrom: me\n\nDear Prof Marsh, ...';
    expect(findStudyIntent('Fwd: PhD enquiry', body)).toEqual({
      place: 'body',
      quote:
        'Dear Prof Marsh, I am resending my email below: I would like to apply for a DPhil in your group.',
    });
  });

  it('quotes at most 120 characters, cut with "…"', () => {
    const long = `I would like to apply for a DPhil ${'and work on many things '.repeat(10)}in your group.`;
    const intent = findStudyIntent('Hello', long);
    expect(intent?.quote).toHaveLength(120);
    expect(intent?.quote.startsWith('I would like to apply for a DPhil and work')).toBe(true);
    expect(intent?.quote.endsWith('…')).toBe(true);
  });

  it('reads only the first ~3,000 characters of a 1 MB body, and the hostile rest changes nothing', () => {
    const intent = 'I would like to apply for a DPhil in your group.';
    expect(findStudyIntent('Hello', `${intent} ${'Nothing to see here. '.repeat(50_000)}`)).toEqual({
      place: 'body',
      quote: intent,
    });
    expect(findStudyIntent('Hello', `${'i would like to '.repeat(70_000)}apply for a DPhil.`)).toBeNull();
    expect(findStudyIntent('x'.repeat(1_000_000), 'i i i i '.repeat(130_000))).toBeNull();
    expect(
      findStudyIntent('Hello', `${'My news. '.repeat(400)}I would like to apply for a DPhil.`),
    ).toBeNull();
  });
});
