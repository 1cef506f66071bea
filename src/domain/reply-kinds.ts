/** The replies the daemon can send; each goes at most once per (vacancy, applicant) and kind. */
export const REPLY_KINDS = ['acknowledgement', 'closed', 'complete', 'receipt', 'enquiry'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
