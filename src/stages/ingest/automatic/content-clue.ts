/** The kinds of automatic mail recognised from a message's content when its headers say nothing. */
export type AutomaticFamily =
  'bounce' | 'delay' | 'feedback-report' | 'challenge-response' | 'auto-reply' | 'provider-notice';

/** Where a clue is looked for: `header` is each header field as `name: value` (name lower-cased). */
export type ClueSource = 'subject' | 'body' | 'sender' | 'parts' | 'header';

/** One named, weighted piece of evidence that a message is automatic mail of one family. */
export interface ContentClue {
  name: string;
  family: AutomaticFamily;
  source: ClueSource;
  weight: number;
  /**
   * Whether the clue names what the message is (a subject prefix, a sender, a report part, an MTA's banner or an
   * SMTP code). A family is decided only with one: sentences alone ("I'm out of the office next week", "my message
   * could not be delivered") are what people write too.
   */
  anchor: boolean;
  pattern: RegExp;
}

/** A family is decided at this much evidence. */
export const DECIDING_WEIGHT = 3;

/** A clue; an anchor unless it is read in the body (see ContentClue.anchor). */
export const clue = (
  family: AutomaticFamily,
  source: ClueSource,
  weight: number,
  name: string,
  pattern: RegExp,
  anchor = source !== 'body',
): ContentClue => ({ name, family, source, weight, anchor, pattern });

/** Families a person's application can be mistaken for: documents attached count against them. */
export const HUMAN_LOOKING_FAMILIES: ReadonlySet<AutomaticFamily> = new Set([
  'auto-reply',
  'challenge-response',
  'provider-notice',
]);

/**
 * What documents attached weigh against a human-looking family: more than all its clues together, since no
 * responder attaches a CV. Header-less evidence never turns a person's application into an auto-reply.
 */
export const DOCUMENTS_WEIGHT = -10;
