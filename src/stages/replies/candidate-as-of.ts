import {
  compareArrival,
  type CandidateRecord,
  type MessageRecord,
} from '../../candidates/candidate-record.ts';
import type { DocumentKind } from '../../domain/document-kinds.ts';
import { missingKinds } from '../../domain/document-kinds.ts';

/**
 * The candidate as it stood when `message` arrived: only the documents of messages (and referees' letters) received
 * up to it, and what was
 * missing then. A reply describes that moment, so its content does not depend on how fast later mail was merged
 * (an acknowledgement never claims a transcript that only a later follow-up brought). Pure.
 */
export function candidateAsOf(
  candidate: CandidateRecord,
  message: MessageRecord,
  required: readonly DocumentKind[],
): CandidateRecord {
  const upTo = new Set(
    candidate.messages.filter((entry) => compareArrival(entry, message) <= 0).map((entry) => entry.key),
  );
  upTo.add(message.key);
  // A referee's letter linked before the message arrived counts too: never "missing: reference letter" once it is here.
  for (const reference of candidate.references)
    if (reference.receivedAt.localeCompare(message.receivedAt) <= 0) upTo.add(reference.key);
  const documents = candidate.documents.filter((document) => upTo.has(document.message));
  return { ...candidate, documents, missing: missingKinds(required, documents) };
}
