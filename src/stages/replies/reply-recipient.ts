import { organisationalDomain, senderAuthentication } from '../../mail/authentication-results.ts';
import type { MailAddress, MessageFacts } from '../../mail/message-facts.ts';

/** Where a reply to a message goes, the rule that chose it and the evidence. */
export interface RecipientDecision {
  address: MailAddress | null;
  rule: 'from' | 'reply-to-same' | 'reply-to-authenticated' | 'reply-to-ignored' | 'no-from';
  detail: string;
}

/**
 * Where a reply to `facts` may go. A third-party Reply-To is how spam turns an auto-responder into a reflector,
 * so the reply goes to From, and to a Reply-To other than From only when both hold: the topmost
 * Authentication-Results of one of `trustedAuthservIds` (our receiving server) reports DMARC pass for the From
 * domain, or a DKIM pass aligned with it; and the Reply-To is in the same organisational domain as From. Without
 * trusted results a Reply-To other than From is never used: the reply goes to From. Pure.
 */
export function chooseReplyRecipient(
  facts: Pick<MessageFacts, 'from' | 'replyTo' | 'headers'>,
  trustedAuthservIds: readonly string[],
): RecipientDecision {
  const { from } = facts;
  const replyTo = facts.replyTo[0];
  if (!from)
    return { address: null, rule: 'no-from', detail: 'no From address: a Reply-To alone is never used' };
  if (!replyTo) return { address: from, rule: 'from', detail: 'no Reply-To' };
  if (replyTo.address === from.address) {
    return { address: replyTo, rule: 'reply-to-same', detail: 'Reply-To is the From address' };
  }
  const ignored = (why: string): RecipientDecision => ({
    address: from,
    rule: 'reply-to-ignored',
    detail: `Reply-To ${replyTo.address} not used: ${why}`,
  });
  const fromDomain = domainOf(from.address);
  const auth = senderAuthentication(
    facts.headers['authentication-results'] ?? [],
    new Set(trustedAuthservIds.map((id) => id.toLowerCase())),
    fromDomain,
  );
  if (auth === null) {
    return ignored('no Authentication-Results from a trusted server (mailboxes[].trustedAuthservIds)');
  }
  if (!auth.pass) return ignored(`the From domain is not authenticated (${auth.evidence})`);
  const fromOrg = organisationalDomain(fromDomain);
  const replyOrg = organisationalDomain(domainOf(replyTo.address));
  if (replyOrg !== fromOrg)
    return ignored(`${replyOrg} is not the organisation of From, ${fromOrg} (${auth.evidence})`);
  return {
    address: replyTo,
    rule: 'reply-to-authenticated',
    detail: `${auth.evidence}; Reply-To in the same organisation, ${fromOrg}`,
  };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
