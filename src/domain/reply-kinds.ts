/**
 * The replies the daemon can send; each goes at most once per (vacancy, applicant) and kind. `information` answers
 * an open call's enquirer with the call's programmes and deadlines; `decision` tells a candidate of a status the
 * supervisor gave in their mail client (once per status: its ledger kind is `decision-<status>`); `resend-request` asks a
 * near miss (a review item) to send the mail again with the tag (`replies.resendRequest`, off by default);
 * `reference-receipt` (off by default) tells a referee their letter arrived, once per (vacancy, referee).
 */
export const REPLY_KINDS = [
  'acknowledgement',
  'closed',
  'complete',
  'receipt',
  'enquiry',
  'information',
  'decision',
  'resend-request',
  'reference-receipt',
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** The kind a reply is kept under in the reply ledger: `decision-<status>` for a decision, else the kind itself. */
export function ledgerKind(kind: ReplyKind, status?: string): string {
  return kind === 'decision' ? `decision-${status ?? ''}` : kind;
}

/** Every kind a candidate's reply can be kept under in the ledger: each kind, a decision once per status id. */
export function replyLedgerKinds(decisionStatuses: readonly string[]): string[] {
  const kinds: string[] = REPLY_KINDS.filter((kind) => kind !== 'decision');
  return [...kinds, ...decisionStatuses.map((status) => ledgerKind('decision', status))];
}
