/** What a delivery-status bounce says: which reply it returns, to whom that went, and who could not be reached. */
export interface BounceSpec {
  /** The Message-ID of the returned message (our reply). */
  replyMessageId: string;
  /** The To of the returned message. */
  sentTo: string;
  /** The recipients reported as failed, each in X-Failed-Recipients and a DSN group (default: `sentTo`). */
  failed?: readonly string[];
  /** The bounce's own Message-ID. */
  messageId?: string;
}

/** A bounce in the shape MTAs send (RFC 3464 multipart/report with the returned headers), as raw text. */
export function buildBounce(spec: BounceSpec): string {
  const failed = spec.failed ?? [spec.sentTo];
  return [
    'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
    'To: chen@uni.example',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${spec.messageId ?? '<dsn-1@mx.example.net>'}`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    `X-Failed-Recipients: ${failed.join(', ')}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    ...failed.flatMap((address) => [
      `Final-Recipient: rfc822; ${address}`,
      'Action: failed',
      'Status: 5.1.1',
      '',
    ]),
    '--B',
    'Content-Type: text/rfc822-headers',
    '',
    'From: "Dr Chen" <chen@uni.example>',
    `To: ${spec.sentTo}`,
    `Message-ID: ${spec.replyMessageId}`,
    'Subject: Re: [PHD-robustAI] Application for the PhD position',
    '',
    '--B--',
    '',
  ].join('\r\n');
}

/**
 * A plain-text failure notice in Exim's wording, sent by a relay that is not mailer-daemon: no delivery-status part
 * and no X-Failed-Recipients, the failed address in prose and the returned reply quoted as text.
 */
export function buildTextBounce(spec: BounceSpec): string {
  const failed = spec.failed ?? [spec.sentTo];
  return [
    'From: "Mail Delivery System" <relay-admin@mx.example.net>',
    'To: chen@uni.example',
    'Subject: Mail delivery failed: returning message to sender',
    `Message-ID: ${spec.messageId ?? '<text-bounce-1@mx.example.net>'}`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This message was created automatically by mail delivery software.',
    '',
    'A message that you sent could not be delivered to one or more of its',
    'recipients. This is a permanent error. The following address(es) failed:',
    '',
    ...failed.flatMap((address) => [`  ${address}`, '    550 5.1.1 User unknown', '']),
    '------ This is a copy of the message, including all the headers. ------',
    '',
    'From: "Dr Chen" <chen@uni.example>',
    `To: ${spec.sentTo}`,
    `Message-ID: ${spec.replyMessageId}`,
    'Subject: Re: [PHD-robustAI] Application for the PhD position',
    '',
    'Thank you for your application.',
    '',
  ].join('\r\n');
}
