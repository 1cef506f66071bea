import { createHash } from 'node:crypto';
import type { HeldReference } from '../../../candidates/held-reference.ts';
import type { DocumentFacts } from '../../../documents/document-facts.ts';
import type { MessageFacts } from '../../../mail/message-facts.ts';
import type { RefereeRecognition } from './recognise-referee.ts';

/** The name a letter written in the message's own text is listed under among the candidate's documents. */
export const BODY_LETTER_NAME = 'letter in the message body';

/** Where the referee's mail is and what triage found in it. */
export interface ReferenceContext {
  key: string;
  mailboxId: string;
  location: { uidValidity: string; uid: number };
  receivedAt: string;
  /** The vacancy its tag or thread names, if any. */
  vacancy: string | null;
  recognition: RefereeRecognition;
  /** Why it is a referee's mail (the classification's detail). */
  evidence: string;
  /** Set when the referee asked for no automatic reply. */
  noReply: { rule: string; detail: string } | null;
  documents: readonly DocumentFacts[];
  /** The message's own text: the letter when nothing is attached. */
  text: string;
}

/**
 * A referee's mail as it is held and linked: its attachments are the referee's letter (kind `reference`), or, when
 * nothing is attached, its own text is (one document named BODY_LETTER_NAME). Pure.
 */
export function planReference(facts: MessageFacts, context: ReferenceContext): HeldReference {
  const attached = context.documents.map((document) => ({
    filename: document.filename,
    safeName: document.safeName,
    within: document.within,
    kind: 'reference' as const,
    contentType: document.contentType,
    size: document.size,
    sha256: document.sha256,
    reading: null,
  }));
  const text = context.text.trim();
  const inBody = {
    filename: BODY_LETTER_NAME,
    safeName: 'letter-in-message-body.txt',
    within: [],
    kind: 'reference' as const,
    contentType: 'text/plain',
    size: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    reading: null,
  };
  return {
    key: context.key,
    mailbox: context.mailboxId,
    uidValidity: context.location.uidValidity,
    uid: context.location.uid,
    messageId: facts.messageId,
    subject: facts.subject,
    receivedAt: context.receivedAt,
    referee: { name: facts.from?.name ?? '', address: facts.from?.address ?? '' },
    vacancy: context.vacancy,
    names: context.recognition.names,
    addresses: context.recognition.addresses,
    threadIds: [facts.inReplyTo, ...facts.references]
      .filter((id) => id !== null)
      .map((id) => id.toLowerCase()),
    evidence: context.evidence,
    noReply: context.noReply,
    documents: attached.length > 0 ? attached : text.length > 0 ? [inBody] : [],
  };
}
