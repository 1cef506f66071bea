import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { buildPdf } from './documents/build-pdf.ts';
import type { BuildOptions, DocumentSpec } from './documents/document-spec.ts';
import { placeholderDocument } from './documents/sample-specs.ts';

/** An attached file. */
export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

/** What a test message needs; everything has a sensible default. */
export interface MailSpec {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  /** Default: the time it is built. */
  date?: Date;
  inReplyTo?: string;
  references?: string[];
  text?: string;
  headers?: Record<string, string>;
  /** Default: one placeholder CV (`CV_Jane_Doe.pdf`). */
  attachments?: MailAttachment[];
}

/** Builds a raw RFC 822 message with nodemailer's MIME composer. */
export async function buildMail(spec: MailSpec = {}): Promise<Buffer> {
  const composer = new MailComposer({
    from: spec.from ?? '"Jane Doe" <jane.doe@example.org>',
    to: spec.to ?? 'chen@uni.example',
    subject: spec.subject ?? '[PHD-robustAI] Application for the PhD position',
    messageId: spec.messageId ?? `<${randomUUID()}@example.org>`,
    ...(spec.date ? { date: spec.date } : {}),
    ...(spec.inReplyTo ? { inReplyTo: spec.inReplyTo } : {}),
    ...(spec.references ? { references: spec.references } : {}),
    text: spec.text ?? 'Dear Dr Chen,\n\nplease find my application attached.\n\nJane',
    headers: spec.headers ?? {},
    attachments: spec.attachments ?? [await pdfAttachment('CV_Jane_Doe.pdf')],
  });
  return composer.compile().build();
}

/** A PDF attachment typeset from `spec` (by default a placeholder that names the file). */
export async function pdfAttachment(
  filename: string,
  spec: DocumentSpec = placeholderDocument(filename),
  options: BuildOptions = {},
): Promise<MailAttachment> {
  return { filename, content: await buildPdf(spec, options), contentType: 'application/pdf' };
}
