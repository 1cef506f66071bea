import { clue, type ContentClue } from './content-clue.ts';

/** Failure notices: subjects, MTA banners, SMTP codes, mail-system senders. */
export const BOUNCE_CLUES: readonly ContentClue[] = [
  clue(
    'bounce',
    'subject',
    2,
    'failure-notice subject',
    /^\s*(?:undeliver(?:able|ed)|returned mail|mail delivery failed|(?:permanent )?delivery (?:status notification \(failure\)|failure|has failed|failed)|failure notice|failed delivery|message delivery has failed|non-?deliver(?:y|able)|mail (?:system error|could not be delivered|failure)|delivery status notification: error|there was an error sending your mail|email delivery failure|\[postmaster\])/i,
  ),
  clue(
    'bounce',
    'subject',
    2,
    'foreign failure-notice subject',
    /^\s*(?:unzustellbar|nicht zustellbar|non remis|non distribuable|non recapitabile|onbestelbaar|no se puede entregar|n[ãa]o entregue|不能送达|退信|メールエラー|配信エラー)/i,
  ),
  clue(
    'bounce',
    'body',
    3,
    'MTA failure banner',
    /this is the qmail-send program|this message was created automatically by mail delivery software|this is the mail system at host|i'm sorry to have to inform you that your message could not|delivery has failed to these recipients or groups|delivery to the following recipients? failed permanently|sorry, we were unable to deliver your message|-{3,} ?transcript of session follows ?-{3,}|the original message was received at/i,
    true,
  ),
  clue(
    'bounce',
    'body',
    2,
    'could-not-deliver sentence',
    /\b(?:your |the )?message (?:could not|cannot|can't|was not|wasn't able to) be (?:delivered|sent)\b|\b(?:could not|unable to) deliver (?:your |the )?(?:message|mail)\b|\bwas not delivered to\b|\bfollowing (?:recipients?|address(?:es)?)[^\n]{0,30}(?:failed|could not be reached|cannot be reached|had permanent fatal errors)/i,
  ),
  clue(
    'bounce',
    'body',
    1,
    'unknown-recipient reason',
    /\b(?:user|mailbox|recipient|address)(?: is)? (?:unknown|not found|unavailable|does not exist|doesn't exist)\b|\bno such (?:user|mailbox|recipient)\b/i,
  ),
  clue('bounce', 'body', 2, 'SMTP failure code', /\b5[0-5]\d[ -]#?5\.\d{1,3}\.\d{1,3}\b/, true),
  clue(
    'bounce',
    'sender',
    2,
    'mail-system sender',
    /^(?:"?(?:mail delivery (?:system|subsystem)|system administrator|mail administrator|postmaster|mailer-daemon)"?\s*<)|(?:^|<)(?:imss|mailer|mail_?service|[\w.-]*_mail_service|mailadmin|mail-?daemon)@/i,
  ),
  // Only delivery reports carry one, even when a gateway wraps them in multipart/mixed (McAfee's).
  clue('bounce', 'parts', 4, 'delivery-status part', /^message\/(?:global-)?delivery-status$/),
  clue(
    'bounce',
    'parts',
    1,
    'returned message attached',
    /^(?:message\/rfc822|text\/rfc822-headers|message\/global|message\/global-headers)$/,
    false,
  ),
];

/** Delay notices: still being retried. */
export const DELAY_CLUES: readonly ContentClue[] = [
  clue(
    'delay',
    'subject',
    3,
    'delay-notice subject',
    /^\s*(?:warning:? ?-*could not send (?:message|mail) for past|delayed mail|delivery (?:status notification|notification)?:? ?\(?(?:delay(?:ed)?|warning)\)?|(?:mail )?delivery status notification \((?:delay|mail delivery delayed)\)|delivery delayed|warning: message \S+ delayed|delivery notification: delivery has been delayed)/i,
  ),
  clue(
    'delay',
    'body',
    2,
    'still-trying sentence',
    /\bwill (?:continue|keep) (?:to )?(?:try|trying|attempt)|\bstill (?:trying|being retried)\b|\bhas not yet been delivered\b|\bthis is a warning message only\b|\byou do not need to resend your message\b/i,
  ),
];

/** Feedback reports (ARF), also inside multipart/mixed. */
export const FEEDBACK_CLUES: readonly ContentClue[] = [
  clue('feedback-report', 'parts', 4, 'feedback-report part', /^message\/feedback-report$/),
  clue(
    'feedback-report',
    'body',
    3,
    'Feedback-Type field',
    /^feedback-type:\s*(?:abuse|fraud|virus|other|not-spam|auth-failure)\b/im,
    true,
  ),
  // RFC 7489 §7.2.1.1 fixes an aggregate report's subject: "Report Domain: <domain> Submitter: <domain> Report-ID: <id>".
  clue(
    'feedback-report',
    'subject',
    3,
    'DMARC aggregate-report subject',
    /^\s*report\s+domain:\s*\S+\s+submitter:\s*\S+/i,
  ),
  clue(
    'feedback-report',
    'subject',
    3,
    'complaint subject',
    /^\s*(?:complaint about message from|abuse report|email feedback report|spam report|fbl report)/i,
  ),
];

/** Challenge-response mails: confirm you are a person. */
export const CHALLENGE_CLUES: readonly ContentClue[] = [
  clue(
    'challenge-response',
    'subject',
    2,
    'confirmation-request subject',
    /\b(?:please confirm (?:your|that you)|verify your (?:e-?mail|message|address)|confirm your (?:e-?mail|message)|sender verification|verification request)\b/i,
  ),
  clue(
    'challenge-response',
    'body',
    2,
    'challenge sentence',
    /\bto (?:deliver|release) your (?:message|e-?mail)\b|\b(?:i|we) (?:use|am using|are using) (?:a |an )?(?:spam|anti-spam|challenge)\b|\bconfirm that you are (?:a )?(?:human|real person)\b|\bbefore (?:your|the) message (?:can be|is) delivered\b/i,
  ),
  clue(
    'challenge-response',
    'sender',
    3,
    'challenge service sender',
    /@(?:[\w-]+\.)*(?:boxbe|spamarrest|sanebox)\.com\b/i,
  ),
];
