import type { CandidateRecord, MessageRecord } from '../../candidates/candidate-record.ts';

/**
 * A candidate's record as a referee's receipt sees it: addressed to the referee (name and address), about the
 * referee's own message and letter only — nothing of the applicant's documents, name or address is in it. Null
 * when no referee's letter of that key is linked to the candidate. Pure.
 */
export function refereeScene(
  candidate: CandidateRecord,
  referenceKey: string,
): { candidate: CandidateRecord; message: MessageRecord } | null {
  const reference = candidate.references.find((entry) => entry.key === referenceKey);
  if (reference === undefined) return null;
  const message: MessageRecord = {
    key: reference.key,
    messageId: reference.messageId,
    subject: reference.subject,
    receivedAt: reference.receivedAt,
    mailbox: reference.mailbox,
    uidValidity: '',
    uid: 0,
    match: 'exact',
    sender: reference.referee.address,
    replyTo: reference.referee,
    references: reference.messageId === null ? [] : [reference.messageId],
    noReply: reference.noReply,
    bodyProfile: null,
    filedTo: reference.filedTo,
  };
  return {
    candidate: {
      ...candidate,
      name: reference.referee.name,
      email: reference.referee.address,
      documents: candidate.documents.filter((document) => document.message === referenceKey),
      missing: [],
      flags: [],
      messages: [message],
      replies: [],
      acknowledges: reference.key,
      history: [],
      references: [],
    },
    message,
  };
}
