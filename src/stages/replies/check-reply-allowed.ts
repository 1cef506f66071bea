import type { RepliesConfig } from '../../config/schema.ts';

/** What the rules need to know about one reply about to be sent. */
export interface ReplyCircumstances {
  recipient: string | null;
  /** Set when the message asked for no automatic reply (X-Auto-Response-Suppress). */
  noReply: { rule: string; detail: string } | null;
  ownAddresses: ReadonlySet<string>;
  bounced: boolean;
  recentReplies: number;
}

/** Allowed, or the rule that stops the reply. */
export type ReplyPermission = { allowed: true } | { allowed: false; rule: string; detail: string };

const SYSTEM_LOCAL_PART =
  /^(mailer-?daemon|postmaster|abuse|root|no[-_.]?reply|do[-_.]?not[-_.]?reply|listserv|majordomo|bounces?([-+._].*)?|owner-.+|.+-request)$/i;

/**
 * Whether a reply may go out, checked last, just before sending: classification already keeps automatic mail,
 * bounces, lists, spam and our own mail out of the application path; these rules cover the rest. Pure.
 */
export function checkReplyAllowed(
  circumstances: ReplyCircumstances,
  replies: Pick<RepliesConfig, 'enabled' | 'maxPerAddress' | 'windowHours'>,
): ReplyPermission {
  const { recipient } = circumstances;
  if (!replies.enabled)
    return { allowed: false, rule: 'replies-disabled', detail: 'replies.enabled is false' };
  if (recipient === null)
    return { allowed: false, rule: 'no-recipient', detail: 'no From or Reply-To address' };
  if (circumstances.noReply) return { allowed: false, ...circumstances.noReply };
  if (circumstances.ownAddresses.has(recipient)) {
    return { allowed: false, rule: 'own-address', detail: `${recipient} is one of our own addresses` };
  }
  const localPart = recipient.slice(0, recipient.lastIndexOf('@')).split('+')[0] ?? '';
  if (SYSTEM_LOCAL_PART.test(localPart)) {
    return { allowed: false, rule: 'system-recipient', detail: `${recipient} is a system address` };
  }
  if (circumstances.bounced) {
    return { allowed: false, rule: 'bounced-address', detail: `${recipient} bounced one of our replies` };
  }
  if (circumstances.recentReplies >= replies.maxPerAddress) {
    const detail = `${circumstances.recentReplies} replies to ${recipient} in the last ${replies.windowHours} h`;
    return { allowed: false, rule: 'rate-limit', detail };
  }
  return { allowed: true };
}
