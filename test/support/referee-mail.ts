import { buildMail, pdfAttachment } from './build-mail.ts';

/** Priya Raman's address: the applicant of the referee tests. */
export const PRIYA_ADDRESS = 'priya.raman@mail.example.com';

/** A robust-ai vacancy that requires a reference letter besides the CV and transcript. */
export const REQUIRING_REFERENCE = {
  vacancies: [
    {
      id: 'robust-ai',
      tag: 'PHD-robustAI',
      title: 'PhD in Robust and Adaptive AI',
      supervisors: ['chen@uni.example'],
      documents: { required: ['cv', 'transcript', 'reference'] },
    },
  ],
};

/** Priya's tagged application with her CV; it says reference letters will follow (an applicant's words, not a referee's). */
export async function priyasApplication(): Promise<Buffer> {
  return buildMail({
    from: `Priya Raman <${PRIYA_ADDRESS}>`,
    messageId: '<priya-app@mail.example.com>',
    subject: '[PHD-robustAI] Application - Priya Raman',
    text: 'Dear Dr Chen,\n\nI am writing to apply for the PhD position. Please find attached my CV. Two reference letters will follow.\n\nBest regards,\nPriya Raman',
    attachments: [await pdfAttachment('CV_Priya_Raman.pdf')],
  });
}
