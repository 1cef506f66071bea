import type { MailboxConfig } from '../config/schema.ts';
import type { ParsedMessage } from '../mail/parse-message.ts';

/** A message's place in a folder: by UID under its UIDVALIDITY, else (after a UIDVALIDITY change) by Message-ID. */
export interface MessageLocation {
  uidValidity: string;
  uid: number;
  messageId: string | null;
}

/**
 * The outcome of fetching one message: `stale` when the folder's UIDVALIDITY changed, `gone` when no such UID.
 * `release` removes what the message keeps outside memory (its large attachments' spool files): called once it is
 * done with, whatever the outcome.
 */
export type FetchedMessage =
  | { status: 'stale' }
  | { status: 'gone' }
  | {
      status: 'ok';
      parsed: ParsedMessage;
      size: number;
      receivedAt: string;
      release: () => Promise<void>;
    };

/** Where a filed message is in its filing folder: the folder's UIDVALIDITY and the message's UID there. */
export interface FiledUid {
  uidValidity: string;
  uid: number;
}

/**
 * The outcome of filing: moved now (with its UID in the filing folder when the server reports it, UIDPLUS), or
 * already gone from the watched folder (filed by an earlier attempt).
 */
export type FilingOutcome =
  { status: 'moved'; folder: string; filed: FiledUid | null } | { status: 'not-found'; folder: string };

/** The message to mark \Answered: its folder, its UID there when known, else its Message-ID. */
export interface AnsweredMessage {
  folder: string;
  messageId: string | null;
  filed?: FiledUid | undefined;
}

/** What the stages do in a mailbox; every operation is idempotent, so a retried job may repeat it. */
export interface MailboxGateway {
  /** Fetches and parses one message of the watched folder (headers only when over the size limit, which `size`, its
   * size on the server when known, tells before anything is downloaded). */
  fetch(
    mailbox: MailboxConfig,
    where: { uidValidity: string; uid: number; size?: number | undefined },
  ): Promise<FetchedMessage>;
  /** Moves a message of the watched folder into the vacancy's filing folder (with `review`, the review folder). */
  file(
    mailbox: MailboxConfig,
    where: MessageLocation,
    vacancy: string,
    options?: { review: boolean },
  ): Promise<FilingOutcome>;
  /**
   * Sets \Answered on a message: by its UID when the folder's UIDVALIDITY is still the one filing reported, else
   * by its Message-ID. A message that is no longer there is left alone.
   */
  markAnswered(mailbox: MailboxConfig, message: AnsweredMessage): Promise<void>;
  /** Keeps a copy of a message sent from this mailbox in its Sent folder. */
  appendToSent(mailbox: MailboxConfig, raw: Buffer): Promise<void>;
}
