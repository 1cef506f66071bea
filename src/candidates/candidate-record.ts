import { z } from 'zod';
import { documentKindSchema } from '../domain/document-kinds.ts';
import { documentProfileSchema, documentReadingSchema } from '../documents/document-reading.ts';

/** Flags a candidate can carry; later stages add more. */
export const CANDIDATE_FLAGS = [
  'tag-variant',
  'late',
  'oversize-message',
  'duplicate-document',
  'unreadable-document',
  'reading-budget',
  'hidden-text',
  'cv-name-mismatch',
  'reply-failed',
  'reply-unconfirmed',
] as const;
export const candidateFlagSchema = z.enum(CANDIDATE_FLAGS);
export type CandidateFlag = z.infer<typeof candidateFlagSchema>;

/** One received document, described but not stored. */
export const documentRecordSchema = z.object({
  filename: z.string(),
  /** `filename` made safe as a single path component (see sanitizeFilename). */
  safeName: z.string(),
  /** The containers it was unpacked from, outermost first (e.g. winmail.dat); [] when it came as it is. */
  within: z.array(z.string()).default([]),
  kind: documentKindSchema,
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  /** Key of the message it came with. */
  message: z.string(),
  /** What reading it gave; null when it was not read (a message recorded from its headers only). */
  reading: documentReadingSchema.nullable().default(null),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

/** Where a filed message is in its filing folder: the folder's UIDVALIDITY and the message's UID there. */
export const filedUidSchema = z.object({ uidValidity: z.string(), uid: z.number() });
export type FiledUidRecord = z.infer<typeof filedUidSchema>;

/** One message merged into a candidate, and where it is in the mailbox. */
export const messageRecordSchema = z.object({
  key: z.string(),
  messageId: z.string().nullable(),
  subject: z.string(),
  receivedAt: z.string(),
  mailbox: z.string(),
  uidValidity: z.string(),
  uid: z.number(),
  /**
   * How its vacancy was found: its tag (exact or variant), its thread, an open call's topics, an operator's `link`,
   * or a near miss of the tag in mail that looks like an application (see recogniseNearMiss; such a message is held
   * for review).
   */
  match: z.enum(['exact', 'variant', 'thread', 'topic', 'linked', 'near-miss']),
  /** For an open call's enquiry: the call's topics and programmes it matched (as configured). */
  call: z.object({ topics: z.array(z.string()), programmes: z.array(z.string()) }).optional(),
  /** The From address (lower-cased). */
  sender: z.string().default(''),
  /** Where a reply goes: Reply-To if present, else From. */
  replyTo: z.object({ name: z.string(), address: z.string() }).nullable().default(null),
  /** The message's References (for threading a reply), last few only. */
  references: z.array(z.string()).default([]),
  /** Set when the sender asked for no automatic reply (e.g. X-Auto-Response-Suppress: All). */
  noReply: z.object({ rule: z.string(), detail: z.string() }).nullable().default(null),
  /** What the message's own text says (links, language tests, keywords…); null when it had none. */
  bodyProfile: documentProfileSchema.nullable().default(null),
  /** For a near miss: why its subject's tag missed and why it looks like an application (recogniseNearMiss). */
  nearMiss: z
    .object({
      reason: z.enum(['tag-mistyped', 'tag-suffix', 'tag-garbled', 'tag-missing']),
      matched: z.string(),
      evidence: z.array(z.string()),
    })
    .optional(),
  /**
   * Set when the message was merged into a review item (isInReview): it is filed in the review folder and holds no
   * acknowledgement, whatever is merged later — so that a retried assessment files and answers it as the first did.
   */
  heldForReview: z.literal(true).optional(),
  /** A message without documents that asks the supervisor something (findQuestion): what it asks, and how it starts. */
  question: z.object({ phrases: z.array(z.string()), firstLines: z.string() }).optional(),
  /** The folder the message was filed in, once it was. */
  filedTo: z.string().nullable(),
  /** Its UID in that folder, when the server reported it (UIDPLUS); absent in records from before it was kept. */
  filedUid: filedUidSchema.optional(),
});
export type MessageRecord = z.infer<typeof messageRecordSchema>;

/** What became of one reply to a candidate. */
export const replyRecordSchema = z.object({
  kind: z.string(),
  status: z.enum(['sent', 'suppressed', 'failed', 'unconfirmed']),
  at: z.string(),
  to: z.string().nullable(),
  /** For `sent`: the reply's Message-ID; otherwise the rule or error that stopped it. */
  detail: z.string(),
});
export type ReplyRecord = z.infer<typeof replyRecordSchema>;

/**
 * One change made to a candidate beyond the merging of its mail: an operator's merge, split, link, resend or
 * dismissal, a decision taken in the mail client, a referee's letter linked or erased… Kept in order, never
 * rewritten, except that erasing a referee rewords the entries that named them (privacy/erase-referee.ts).
 */
export const historyEntrySchema = z.object({
  at: z.string(),
  /** What was done, e.g. `merge`, `split`, `link`, `resend`, `dismiss`, `status`, `reference`, `erasure`. */
  action: z.string(),
  /** Who did it: `operator` (a CLI command) or `daemon` (a stage or the watcher). */
  by: z.enum(['operator', 'daemon']),
  /** What it changed, in one line (message keys, candidate ids, folder or status names). */
  detail: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A supervisor's decision taken in their mail client: the status, when it was seen and where it came from. */
export const candidateDecisionSchema = z.object({
  /** A configured status id, e.g. `shortlisted`. */
  status: z.string(),
  /** When the daemon saw it. */
  at: z.string(),
  /** A message moved into a status folder, or a keyword set on a filed message. */
  via: z.enum(['folder', 'keyword']),
  /** The folder the message was in (the status folder, or the folder the keyword was set in). */
  folder: z.string(),
  /** The key of the candidate's message that carries it. */
  message: z.string(),
});
export type CandidateDecision = z.infer<typeof candidateDecisionSchema>;
/** A referee's mail linked to a candidate: who wrote it, how it was linked, and where it was filed. */
export const referenceRecordSchema = z.object({
  /** Key of the referee's message (its letter's documents carry it as `message`). */
  key: z.string(),
  messageId: z.string().nullable(),
  subject: z.string(),
  receivedAt: z.string(),
  referee: z.object({ name: z.string(), address: z.string() }),
  /** How it was linked: `thread`, `address` or `name`, and the evidence (e.g. `name "Priya Raman" in its text`). */
  linkedBy: z.object({ rule: z.string(), detail: z.string() }),
  /** The folder the message was filed in, once it was. */
  filedTo: z.string().nullable(),
  /** The mailbox it came to, and whether its referee asked for no automatic reply (for the referee's receipt). */
  mailbox: z.string().default(''),
  noReply: z.object({ rule: z.string(), detail: z.string() }).nullable().default(null),
});
export type ReferenceRecord = z.infer<typeof referenceRecordSchema>;

/** A candidate: one applicant (by address) for one vacancy, merged across their messages. */
export const candidateRecordSchema = z.object({
  id: z.string(),
  vacancy: z.string(),
  name: z.string(),
  email: z.string(),
  documents: z.array(documentRecordSchema),
  missing: z.array(documentKindSchema),
  flags: z.array(candidateFlagSchema),
  messages: z.array(messageRecordSchema),
  replies: z.array(replyRecordSchema).default([]),
  /**
   * Key of the message the acknowledgement answers: the first message assessed (usually the first to arrive; when
   * a later one is merged first, it keeps the acknowledgement and the earlier one counts as a follow-up).
   */
  acknowledges: z.string().nullable().default(null),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** What operators and the daemon did to the candidate beyond merging its mail, oldest first. */
  history: z.array(historyEntrySchema).default([]),
  /** The supervisor's latest decision from their mail client; absent or null while there is none. */
  decision: candidateDecisionSchema.nullable().optional(),
  /** The referees' mails linked to the candidate, in the order they were linked. */
  references: z.array(referenceRecordSchema).default([]),
});
export type CandidateRecord = z.infer<typeof candidateRecordSchema>;

/**
 * Orders messages by arrival: the server's receipt time, then (IMAP dates have one-second resolution) the UID,
 * which a server assigns in arrival order within a folder.
 */
export function compareArrival(
  a: Pick<MessageRecord, 'receivedAt' | 'uid'>,
  b: Pick<MessageRecord, 'receivedAt' | 'uid'>,
): number {
  return a.receivedAt.localeCompare(b.receivedAt) || a.uid - b.uid;
}
