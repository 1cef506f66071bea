import { buildMail, type MailAttachment } from '../../support/build-mail.ts';
import { zipBomb } from '../../support/documents/hostile-documents.ts';
import { inflateBombPdf, nestedFormsPdf } from '../../support/documents/hostile-pdfs.ts';

/** One crafted message of the hostile batch, from its own sender. */
export interface HostileMessage {
  name: string;
  raw: Buffer;
}

const pdf = (filename: string, content: Buffer): MailAttachment => ({
  filename,
  content,
  contentType: 'application/pdf',
});
const docx = (filename: string, content: Buffer): MailAttachment => ({
  filename,
  content,
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
});

/**
 * The classes of issue 19, as tagged "applications" an attacker can send: documents that inflate or expand
 * without bound, a message carrying ten of them, bodies and headers whose cost grows with their size, a forged
 * bounce naming real applicants, and a third-party Reply-To.
 */
export async function buildHostileBatch(genuineAddresses: readonly string[]): Promise<HostileMessage[]> {
  const mail = async (name: string, spec: Parameters<typeof buildMail>[0]): Promise<HostileMessage> => ({
    name,
    raw: await buildMail({
      from: `"Sender" <${name}@attacker.example>`,
      messageId: `<${name}@attacker.example>`,
      ...spec,
    }),
  });
  const bomb = inflateBombPdf(1024);
  return [
    await mail('inflate-bomb', { attachments: [pdf('CV.pdf', bomb)] }),
    await mail('two-inflate-bombs', {
      attachments: [pdf('CV.pdf', bomb), pdf('Transcript.pdf', inflateBombPdf(1024, 2))],
    }),
    await mail('nested-forms', { attachments: [pdf('CV.pdf', nestedFormsPdf(8, 10))] }),
    await mail('zip-bomb-docx', { attachments: [docx('CV.docx', zipBomb('lying'))] }),
    await mail('ten-hostile-documents', {
      attachments: Array.from({ length: 10 }, (_, index) =>
        index % 3 === 0
          ? pdf(`forms-${index}.pdf`, nestedFormsPdf(8, 10))
          : index % 3 === 1
            ? pdf(`bomb-${index}.pdf`, bomb)
            : docx(`bomb-${index}.docx`, zipBomb('lying')),
      ),
    }),
    await mail('blank-line-body', { text: `Dear Dr Chen,${'\n'.repeat(50_000)}Regards` }),
    await mail('long-subject', { subject: `[PHD-robustAI] ${'Win a prize '.repeat(16_000)}` }),
    await mail('forged-bounce', {
      subject: 'Undelivered Mail Returned to Sender',
      inReplyTo: '<triage-reply.0123456789abcdef01234567@uni.example>',
      headers: { 'X-Failed-Recipients': genuineAddresses.slice(0, 2).join(', ') },
      attachments: [],
    }),
    await mail('reflector', { headers: { 'Reply-To': 'victim@third-party.example' } }),
  ];
}
