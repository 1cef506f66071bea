import { isOwnAddress } from '../../config/own-addresses.ts';
import type { RepliesConfig } from '../../config/schema.ts';
import { machineAddress } from '../../domain/machine-address.ts';

/** What the rules need to know about one reply about to be sent. */
export interface ReplyCircumstances {
  recipient: string | null;
  /** Set when the message asked for no automatic reply (X-Auto-Response-Suppress). */
  noReply: { rule: string; detail: string } | null;
  ownAddresses: ReadonlySet<string>;
  bounced: boolean;
  /** True when the recipient already answers for another applicant of this vacancy (claimRecipient). */
  recipientTaken?: boolean;
  recentReplies: number;
  /** Replies to the recipient's domain in the window before this one. */
  recentDomainReplies?: number;
}

/** Allowed, or the rule that stops the reply. */
export type ReplyPermission = { allowed: true } | { allowed: false; rule: string; detail: string };

/** The replies settings the rules read. */
export type ReplyRules = Pick<RepliesConfig, 'enabled' | 'maxPerAddress' | 'windowHours'> &
  Partial<Pick<RepliesConfig, 'maxPerDomain'>>;

/**
 * Whether a reply may go out, checked last, just before sending: classification already keeps automatic mail,
 * bounces, lists, spam and our own mail out of the application path; these rules cover the rest. Reflection is
 * bounded twice: an address answers for one applicant per vacancy (so a third party named by many senders gets
 * at most what one applicant gets), and a domain gets at most `maxPerDomain` replies per window (so forged
 * senders spread over many addresses of one domain cannot aim a stream of replies at it). Pure.
 */
export function checkReplyAllowed(circumstances: ReplyCircumstances, replies: ReplyRules): ReplyPermission {
  const { recipient } = circumstances;
  if (!replies.enabled)
    return { allowed: false, rule: 'replies-disabled', detail: 'replies.enabled is false' };
  if (recipient === null)
    return { allowed: false, rule: 'no-recipient', detail: 'no From or Reply-To address' };
  if (circumstances.noReply) return { allowed: false, ...circumstances.noReply };
  if (isOwnAddress(circumstances.ownAddresses, recipient)) {
    return { allowed: false, rule: 'own-address', detail: `${recipient} is one of our own addresses` };
  }
  if (machineAddress(recipient) !== null) {
    return { allowed: false, rule: 'system-recipient', detail: `${recipient} is a system address` };
  }
  if (circumstances.bounced) {
    return { allowed: false, rule: 'bounced-address', detail: `${recipient} bounced one of our replies` };
  }
  if (circumstances.recipientTaken) {
    const detail = `${recipient} already gets this vacancy's replies on behalf of another sender`;
    return { allowed: false, rule: 'recipient-taken', detail };
  }
  if (circumstances.recentReplies >= replies.maxPerAddress) {
    const detail = `${circumstances.recentReplies} replies to ${recipient} in the last ${replies.windowHours} h`;
    return { allowed: false, rule: 'rate-limit', detail };
  }
  const domainReplies = circumstances.recentDomainReplies ?? 0;
  if (replies.maxPerDomain !== undefined && domainReplies >= replies.maxPerDomain) {
    const domain = recipient.slice(recipient.lastIndexOf('@') + 1);
    const detail = `${domainReplies} replies to ${domain} in the last ${replies.windowHours} h`;
    return { allowed: false, rule: 'domain-rate-limit', detail };
  }
  return { allowed: true };
}
