import { z } from 'zod';
import { documentRecordSchema } from './candidate-record.ts';

/**
 * A referee's mail as it waits to be linked (and as it is linked): where it is, who wrote it, whom it names, and
 * its letter as documents. Kept until it is linked to a candidate, found again by name, address or thread.
 */
export const heldReferenceSchema = z.object({
  key: z.string(),
  mailbox: z.string(),
  uidValidity: z.string(),
  uid: z.number(),
  messageId: z.string().nullable(),
  subject: z.string(),
  receivedAt: z.string(),
  referee: z.object({ name: z.string(), address: z.string() }),
  /** The vacancy its tag or thread names; null: any of the mailbox's. */
  vacancy: z.string().nullable(),
  /** The applicants' names it introduces, as written. */
  names: z.array(z.string()),
  /** The addresses it quotes (lower-cased; not the referee's nor the mailbox's). */
  addresses: z.array(z.string()),
  /** Its In-Reply-To and References, lower-cased. */
  threadIds: z.array(z.string()),
  /** Why it is a referee's mail (the classification's detail). */
  evidence: z.string(),
  /** Set when the referee asked for no automatic reply (e.g. X-Auto-Response-Suppress: All). */
  noReply: z.object({ rule: z.string(), detail: z.string() }).nullable().default(null),
  /** Its letter: the attachments, or the text itself when nothing is attached. */
  documents: z.array(documentRecordSchema.omit({ message: true })),
});
export type HeldReference = z.infer<typeof heldReferenceSchema>;

/** How a referee's mail was linked to a candidate: by thread, quoted address or name, with the evidence. */
export interface ReferenceLink {
  candidateId: string;
  rule: 'thread' | 'address' | 'name';
  detail: string;
}
