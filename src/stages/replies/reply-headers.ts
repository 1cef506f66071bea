import { shortHash } from '../../domain/short-hash.ts';
import { LOOP_MARKER_HEADER } from '../../domain/loop-marker.ts';

/** Headers on everything the daemon sends (RFC 3834 and our loop marker), so that no robot answers us. */
export const REPLY_MARKER_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-replied',
  'X-Auto-Response-Suppress': 'All',
  [LOOP_MARKER_HEADER]: 'reply',
};

// Mail-derived text never carries control or bidi characters into a header (nodemailer encodes the rest).
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]+/gu;

/** Removes control and bidi characters from text taken from mail, folding runs of them into one space. */
export function cleanHeaderText(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** `Re: <original subject>`, without doubling an existing `Re:`. */
export function replySubject(original: string): string {
  const subject = cleanHeaderText(original);
  if (subject === '') return 'Re: your application';
  return /^re\s*:/i.test(subject) ? subject : `Re: ${subject}`;
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
