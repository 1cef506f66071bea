import { buildMail } from '../../test/support/build-mail.ts';
import { sampleAttachment } from './sample-documents.ts';

/** The demo supervisor's mailbox address: the one the sample mail is sent to. */
export const DEMO_ADDRESS = 'chen@uni.example';

/** A sample message as its sender's mail client would write it. */
export interface Spec {
  from: string;
  subject: string;
  messageId: string;
  text: string;
  inReplyTo?: string;
  headers?: Record<string, string>;
  attachments?: string[];
}

/** The raw source of a message composed from `spec`, with a sample PDF per attachment. */
export async function compose(spec: Spec, date: Date): Promise<string> {
  const mail = await buildMail({
    ...spec,
    to: DEMO_ADDRESS,
    date,
    ...(spec.inReplyTo ? { references: [spec.inReplyTo] } : {}),
    attachments: await Promise.all((spec.attachments ?? []).map(sampleAttachment)),
  });
  return mail.toString('utf8');
}

/** A delivery status notification (multipart/report) for a message Dr Chen sent earlier. */
export function bounce(date: Date): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.uni.example>',
    `To: ${DEMO_ADDRESS}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${date.toUTCString()}`,
    'Message-ID: <bounce-20260114@mx.uni.example>',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="=_report"',
    '',
    '--=_report',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Your message could not be delivered to old.student@example.net: no such user.',
    '',
    '--=_report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.uni.example',
    '',
    'Final-Recipient: rfc822; old.student@example.net',
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--=_report',
    'Content-Type: text/rfc822-headers',
    '',
    `From: Dr Chen <${DEMO_ADDRESS}>`,
    'To: old.student@example.net',
    'Subject: Re: [PHD-robustAI] Interview',
    '',
    '--=_report--',
    '',
  ].join('\r\n');
}
