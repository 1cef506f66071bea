import { shortHash } from '../../domain/short-hash.ts';
import { LOOP_MARKER_HEADER } from '../../domain/loop-marker.ts';
import { echoSubject } from '../../output/echo-subject.ts';
import { HEADER_TEXT_MAX } from '../../output/header-text.ts';

/** Headers on everything the daemon sends (RFC 3834 and our loop marker), so that no robot answers us. */
export const REPLY_MARKER_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-replied',
  'X-Auto-Response-Suppress': 'All',
  [LOOP_MARKER_HEADER]: 'reply',
};

/** The subject of a reply whose original subject is not echoed (empty, a link, mostly symbols). */
export const NEUTRAL_REPLY_SUBJECT = 'Re: your application';

/**
 * `Re: <original subject>` without doubling an existing `Re:`, cleaned and at most HEADER_TEXT_MAX characters;
 * `Re: your application` when the original does not look like a subject (echoSubject).
 */
export function replySubject(original: string): string {
  const echoed = echoSubject(original, HEADER_TEXT_MAX - 'Re: '.length);
  if (echoed === '') return NEUTRAL_REPLY_SUBJECT;
  return /^re\s*:/i.test(echoed) ? echoed : `Re: ${echoed}`;
}

/** The reply's Message-ID: derived from its ledger key, so every attempt at the same reply carries the same id. */
export function replyMessageId(ledgerKey: string, mailboxAddress: string): string {
  const domain = mailboxAddress.slice(mailboxAddress.lastIndexOf('@') + 1) || 'localhost';
  return `<triage-reply.${shortHash(ledgerKey, 24)}@${domain}>`;
}

/** True for a Message-ID the daemon gave one of its replies. */
export function isReplyMessageId(messageId: string): boolean {
  return /^<?triage-reply\.[0-9a-f]{24}@/i.test(messageId.trim());
}
