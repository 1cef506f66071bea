import type { ParsedMessage } from '../../mail/parse-message.ts';
import { bounceReferences, failedRecipients } from './failed-recipients.ts';
import { isReplyMessageId } from './reply-headers.ts';

/** What a bounce claims, before it is checked against what we sent. */
export interface BounceClaim {
  /** The addresses it names as failed (lower-cased). */
  failedRecipients: string[];
  /** The Message-IDs it refers to that have the shape of our replies' (lower-cased, bracketed). */
  references: string[];
}

/** Whom a bounce suppresses, and why (for the log and `explain`). */
export interface BounceVerdict {
  suppress: string[];
  reason: string;
}

/** The claim of a message classified as a bounce: its failed recipients and the replies of ours it names. Pure. */
export function readBounceClaim(parsed: ParsedMessage): BounceClaim {
  return {
    failedRecipients: failedRecipients(parsed),
    references: bounceReferences(parsed).filter((id) => isReplyMessageId(id)),
  };
}

/**
 * Anyone can write `X-Failed-Recipients` and an `In-Reply-To` shaped like ours, so a bounce suppresses only the
 * failed recipients that a reply it refers to was really sent to: `sentTo` maps each referenced Message-ID to the
 * recipient our sent-reply record holds for it (null: we never sent it), as `identify` gives an address (the
 * record keeps a keyed hash, not the address). Everything else suppresses nobody. Pure.
 */
export function verifyBounce(
  claim: BounceClaim,
  sentTo: ReadonlyMap<string, string | null>,
  identify: (address: string) => string = (address) => address.toLowerCase(),
): BounceVerdict {
  if (claim.references.length === 0) {
    return { suppress: [], reason: 'refers to none of our replies: suppresses nobody' };
  }
  if (claim.failedRecipients.length === 0) {
    return { suppress: [], reason: 'names no failed recipient: suppresses nobody' };
  }
  const recipients = new Set<string>();
  for (const id of claim.references) {
    const recipient = sentTo.get(id);
    if (recipient) recipients.add(recipient);
  }
  if (recipients.size === 0) {
    const ids = claim.references.join(', ');
    return { suppress: [], reason: `we have no record of sending ${ids}: suppresses nobody` };
  }
  const suppress = claim.failedRecipients.filter((address) => recipients.has(identify(address)));
  const others = claim.failedRecipients.length - suppress.length;
  const ignored =
    others > 0 ? `; ${others} other listed address(es) ignored (our reply did not go there)` : '';
  if (suppress.length === 0) {
    return {
      suppress,
      reason: `our reply went to another address, not to a failed recipient${ignored}`,
    };
  }
  return { suppress, reason: `our reply to ${suppress.join(', ')} bounced${ignored}` };
}
