import { CALL_SAMPLES } from './sample-calls.ts';
import { bounce, compose, DEMO_ADDRESS, type Spec } from './sample-mail.ts';

/** The two demo vacancies, as they appear in a configuration file. */
export const DEMO_VACANCIES = [
  {
    id: 'robust-ai',
    tag: 'PHD-robustAI',
    title: 'PhD in Robust and Adaptive AI for Medical Imaging and Precision Medicine',
    supervisors: [DEMO_ADDRESS],
    documents: { required: ['cv', 'transcript'], optional: ['research'] },
    keywords: ['PyTorch', 'medical imaging', 'adversarial', 'explainable AI'],
    nextSteps:
      "Submit the full application on the University's Postgraduate Online Application Portal and name Dr Chen as your supervisor.",
  },
  {
    id: 'med-imaging',
    tag: 'DPHIL-MedIm',
    title: 'DPhil in Medical Image Analysis',
    supervisors: [DEMO_ADDRESS],
    documents: { required: ['cv'] },
  },
] as const;

/** One message of the demo INBOX: its raw source, when it arrived, and what it is there to show. */
export interface SampleMessage {
  shows: string;
  raw: string;
  internaldate: Date;
  /** Delivered only once the messages before it were processed and answered, as a reply to an answer is. */
  later: boolean;
}

const ADA: Spec = {
  from: '"Ada Lovelace" <ada.lovelace@example.org>',
  subject: '[PHD-robustAI] Application – Ada Lovelace',
  messageId: '<ada-application@mail.example.org>',
  text: 'Dear Dr Chen,\n\nplease find my CV and transcript attached.\n\nAda',
  attachments: ['CV_Ada_Lovelace.pdf', 'Transcript_Ada_Lovelace.pdf'],
};

const BO: Spec = {
  from: '"Bo Zhang" <bo.zhang@example.net>',
  subject: '[PHD-robustAI] PhD application',
  messageId: '<bo-application@example.net>',
  text: 'Dear Dr Chen,\n\nI would like to apply. My CV is attached.\n\nBo',
  attachments: ['Bo_Zhang_CV.pdf'],
};

/** A composed message, a hand-written bounce, or a second delivery of an earlier sample (by index). */
type Source = Spec | 'bounce' | { deliveredAgain: number };

const SAMPLES: ReadonlyArray<{ shows: string; spec: Source; later?: true }> = [
  { shows: 'exact tag, CV and transcript: a complete application', spec: ADA },
  { shows: 'only a CV: the transcript is missing', spec: BO },
  {
    shows: 'a tag variant "(phd robustai)" in an RFC 2047-encoded subject, Spanish file names',
    spec: {
      from: '"Carlos Pérez" <carlos.perez@example.es>',
      // Non-ASCII, so the composer encodes the whole subject as RFC 2047 encoded-words.
      subject: 'Re: (phd robustai) application — Carlos Pérez',
      messageId: '<carlos-1@example.es>',
      text: 'Estimado Dr Chen,\n\nadjunto mi CV y mi certificado de notas.\n\nCarlos',
      attachments: ['Carlos_Perez_CV.pdf', 'Certificado_de_notas.pdf'],
    },
  },
  {
    shows: "an out-of-office auto-reply that quotes the tag (a referee's, copied in)",
    spec: {
      from: '"Prof. Erik Svensson" <erik.svensson@example.se>',
      subject: 'Automatic reply: [PHD-robustAI] Application – Ada Lovelace',
      messageId: '<oof-erik@example.se>',
      text: 'I am out of the office until Monday with limited access to e-mail.',
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    },
  },
  {
    shows: "Bo's follow-up with the missing transcript, sent once he had his acknowledgement",
    later: true,
    spec: {
      from: BO.from,
      subject: `Re: ${BO.subject}`,
      messageId: '<bo-follow-up@example.net>',
      inReplyTo: BO.messageId,
      text: 'Apologies, I forgot my transcript: here it is.\n\nBo',
      attachments: ['Transcript_Bo_Zhang.pdf'],
    },
  },
  { shows: "Ada's application delivered a second time (same Message-ID)", spec: { deliveredAgain: 0 } },
  {
    shows: 'an enquiry without a tag',
    spec: {
      from: '"Dana Okoye" <dana.okoye@example.com>',
      subject: 'Question about PhD funding for international students',
      messageId: '<dana-question@example.com>',
      text: 'Dear Dr Chen,\n\nis the studentship open to international students?\n\nDana',
    },
  },
  { shows: 'a bounce (multipart/report) of a message sent earlier', spec: 'bounce' },
  {
    shows: 'a mailing-list post that carries the tag (your ad, shared by the research office)',
    spec: {
      from: '"Research Office" <research-office@uni.example>',
      subject: '[PHD-robustAI] Fully funded PhD position in robust AI: please share',
      messageId: '<announce-42@lists.uni.example>',
      text: 'A fully funded PhD position is open; see the vacancy page for how to apply.',
      headers: {
        'List-Id': 'PhD announcements <phd-announce.lists.uni.example>',
        'List-Unsubscribe': '<mailto:phd-announce-leave@lists.uni.example>',
      },
    },
  },
  {
    shows: 'an application to the second vacancy, with Chinese file names',
    spec: {
      from: '"李明 (Li Ming)" <li.ming@example.cn>',
      subject: '[DPHIL-MedIm] DPhil application – 李明',
      messageId: '<li-ming-application@example.cn>',
      text: '尊敬的陈老师：\n\n附件是我的简历和成绩单。\n\n李明',
      attachments: ['简历.pdf', '成绩单.pdf'],
    },
  },
  {
    shows: 'an application from Outlook, whose sender asked for no automatic replies',
    spec: {
      from: '"Elif Kaya" <elif.kaya@example.com.tr>',
      subject: '[PHD-robustAI] Application for the PhD position – Elif Kaya',
      messageId: '<elif-kaya-application@example.com.tr>',
      text: 'Dear Dr Chen,\n\nplease find attached my CV and my transcript of records.\n\nElif',
      // Outlook sets this on mail it wants no out-of-office or other automatic answer to.
      headers: { 'X-Mailer': 'Microsoft Outlook 16.0', 'X-Auto-Response-Suppress': 'OOF' },
      attachments: ['Elif_Kaya_CV.pdf', 'Elif_Kaya_Transcript_of_Records.pdf'],
    },
  },
  ...CALL_SAMPLES,
  {
    shows: 'a near miss: the tag with a stray "2" and a CV attached — held for review, not acknowledged',
    spec: {
      from: '"Tomás Oliveira" <t.oliveira@correio.example>',
      subject: '[PHD-robustAI2] Application for the PhD position',
      messageId: '<tomas-oliveira-application@correio.example>',
      text: 'Dear Dr Chen,\n\nI am writing to apply for the PhD position advertised on your website. My CV is attached.\n\nTomás',
      attachments: ['CV_Tomas_Oliveira.pdf'],
    },
  },
  {
    shows: "a referee's letter for Ada, tagged: linked to her candidate, never answered, never a candidate",
    spec: {
      from: '"Dr Mary Somerville" <m.somerville@example.ac.uk>',
      subject: '[PHD-robustAI] Reference for Ada Lovelace',
      messageId: '<somerville-reference@example.ac.uk>',
      text: 'Dear Dr Chen,\n\nplease find attached my letter of reference for Ms Ada Lovelace, who was a student in my course on numerical analysis.\n\nBest regards,\nMary Somerville\nSenior Lecturer, Department of Mathematics',
      attachments: ['Reference_Ada_Lovelace.pdf'],
    },
  },
];

/** Builds the demo INBOX: sixteen messages, oldest first, received over the last two hours. */
export async function buildSampleMessages(now = new Date()): Promise<SampleMessage[]> {
  const start = now.getTime() - 2 * 60 * 60 * 1000;
  const messages: SampleMessage[] = [];
  for (const [index, { shows, spec, later }] of SAMPLES.entries()) {
    const date = new Date(start + index * 6 * 60 * 1000);
    let raw: string;
    if (spec === 'bounce') raw = bounce(date);
    // A second delivery is byte for byte the first one; only its arrival time differs.
    else if ('deliveredAgain' in spec) raw = messages[spec.deliveredAgain]?.raw ?? '';
    else raw = await compose(spec, date);
    messages.push({ shows, raw, internaldate: date, later: later === true });
  }
  return messages;
}
