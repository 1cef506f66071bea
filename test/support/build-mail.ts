import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { samplePdf } from '../../src/demo/sample-documents.ts';

/** What a test message needs; everything has a sensible default. */
export interface MailSpec {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  text?: string;
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; content: string | Buffer; contentType?: string }>;
}

/** Builds a raw RFC 822 message with nodemailer's MIME composer. */
export async function buildMail(spec: MailSpec = {}): Promise<Buffer> {
  const composer = new MailComposer({
    from: spec.from ?? '"Jane Doe" <jane.doe@example.org>',
    to: spec.to ?? 'chen@uni.example',
    subject: spec.subject ?? '[PHD-robustAI] Application for the PhD position',
    messageId: spec.messageId ?? `<${randomUUID()}@example.org>`,
    ...(spec.inReplyTo ? { inReplyTo: spec.inReplyTo } : {}),
    ...(spec.references ? { references: spec.references } : {}),
    text: spec.text ?? 'Dear Dr Chen,\n\nplease find my application attached.\n\nJane',
    headers: spec.headers ?? {},
    attachments: spec.attachments ?? [
      {
        filename: 'CV_Jane_Doe.pdf',
        content: await samplePdf('CV_Jane_Doe.pdf'),
        contentType: 'application/pdf',
      },
    ],
  });
  return composer.compile().build();
}
