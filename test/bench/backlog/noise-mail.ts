import { buildMail } from '../../support/build-mail.ts';
import { paragraph } from '../thesis-prose.ts';

/** Mail in the inbox that is not an application and must get no acknowledgement. */
export const NOISE_KINDS = ['auto-reply', 'bounce', 'list', 'untagged'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

const MAILBOX = 'chen@uni.example';

/** One message of noise, number `index` of the run (the index keeps Message-IDs and senders distinct). */
export function buildNoiseMail(kind: NoiseKind, index: number, random: () => number): Promise<Buffer> {
  const messageId = `<bench-noise-${index}@example.net>`;
  switch (kind) {
    case 'auto-reply':
      // Half answer one of our acknowledgements, so they carry the vacancy's tag: the header must decide.
      return buildMail({
        from: `"Out of Office" <away.${index}@partner.example>`,
        subject: `Automatic reply: ${random() < 0.5 ? 'Re: [PHD-robustAI] Application' : 'Committee meeting'}`,
        messageId,
        text: 'I am out of the office until Monday with limited access to e-mail.',
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
        attachments: [],
      });
    case 'bounce':
      return Promise.resolve(bounceMail(index, messageId));
    case 'list':
      return buildMail({
        from: '"ML seminar" <seminar@lists.uni.example>',
        subject: `[ml-seminar] Talk on Thursday: ${paragraph(random, 1).slice(0, 60)}`,
        messageId,
        text: paragraph(random, 3),
        headers: {
          'List-Id': 'ML seminar <ml-seminar.lists.uni.example>',
          'List-Unsubscribe': '<mailto:ml-seminar-leave@lists.uni.example>',
          Precedence: 'list',
        },
        attachments: [],
      });
    case 'untagged':
      return buildMail({
        from: `"A Colleague" <colleague.${index}@uni.example>`,
        subject: 'Lunch on Thursday?',
        messageId,
        text: 'Hi, shall we have lunch on Thursday after the group meeting? The usual place at noon.',
        attachments: [],
      });
  }
}

/** A delivery-status notification for a message to an address that is no applicant's. */
function bounceMail(index: number, messageId: string): Buffer {
  const boundary = `bench-report-${index}`;
  const failed = `gone.${index}@nowhere.example`;
  const lines = [
    'From: Mail Delivery System <MAILER-DAEMON@mx.uni.example>',
    `To: ${MAILBOX}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `Your message could not be delivered to <${failed}>: the mailbox does not exist.`,
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.uni.example',
    '',
    `Final-Recipient: rfc822; ${failed}`,
    'Action: failed',
    'Status: 5.1.1',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    `From: ${MAILBOX}`,
    `To: ${failed}`,
    'Subject: Re: Committee meeting',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}
