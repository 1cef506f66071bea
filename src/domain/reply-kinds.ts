/**
 * The replies the daemon can send; each goes at most once per (vacancy, applicant) and kind. `information` answers
 * an open call's enquirer with the call's programmes and deadlines; `resend` asks a near miss (a review item) to
 * send the mail again with the tag (`replies.resendRequest`, off by default).
 */
export const REPLY_KINDS = [
  'acknowledgement',
  'closed',
  'complete',
  'receipt',
  'enquiry',
  'information',
  'resend',
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
