import type { ContainerOutcome } from '../domain/container-outcome.ts';

/** A parsed e-mail address: `address` is lower-cased and trimmed; `name` is the decoded display name. */
export interface MailAddress {
  name: string;
  address: string;
}

/** What the pipeline knows about one attachment, without its content. */
export interface AttachmentFacts {
  /** The file name as the sender gave it (decoded), or null when none was given. Untrusted. */
  filename: string | null;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the decoded content. */
  sha256: string;
  /**
   * True for parts embedded in an HTML body (multipart/related, e.g. a signature logo). A part that is merely
   * `Content-Disposition: inline` (Apple Mail, phone photos of a transcript) is an attachment like any other.
   */
  inline: boolean;
  /** The names of the containers it was unpacked from, outermost first; [] for the message's own parts. */
  within: string[];
  /** For a container (winmail.dat, Outlook item, attached message): whether its files follow it, else why not. */
  container: ContainerOutcome | null;
}

/**
 * Everything the pure stages need from one message, as plain data.
 * Header names are lower-cased; each value is unfolded and trimmed (one entry per occurrence).
 */
export interface MessageFacts {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  date: string | null;
  /** The root part's MIME type, lower-cased (e.g. `multipart/report`). */
  contentType: string;
  headers: Record<string, string[]>;
  attachments: AttachmentFacts[];
  /** Length in characters of the plain-text body (the body itself is not kept). */
  textLength: number;
  /** True when only the headers were read (message over the size cap). */
  headersOnly: boolean;
}
