/**
 * The replies the daemon can send; each goes at most once per (vacancy, applicant) and kind. `information` answers
 * an open call's enquirer with the call's programmes and deadlines; `reference-receipt` (off by default) tells a
 * referee their letter arrived, once per (vacancy, referee).
 */
export const REPLY_KINDS = [
  'acknowledgement',
  'closed',
  'complete',
  'receipt',
  'enquiry',
  'information',
  'reference-receipt',
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
