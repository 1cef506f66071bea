import { machineAddress } from '../../domain/machine-address.ts';

// A failure notice says whom it failed for near its top; the returned message follows it.
const MAX_NOTICE_CHARACTERS = 16 * 1024;
const MAX_TEXT_CHARACTERS = 64 * 1024;
const MAX_ADDRESSES = 20;
/** Where the notice ends and the returned message (or its headers) begins, in the MTAs' own wording. */
const RETURNED_MESSAGE =
  /^[ \t]*(?:-{2,}.*(?:original message|returned message|undelivered message|copy of the message|message headers|headers of|rfc822)|-{2,} ?below this line is a copy|\w[\w-]*: [^\n]*\n(?:[ \t][^\n]*\n)*(?:received|return-path|message-id|from|date|subject): )/im;
const ADDRESS = /[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9-]{1,63}\.)+[a-z]{2,63}/gi;
const MESSAGE_ID_LINE = /^[ \t>]*message-id:[ \t]*(<[^<>\s]{1,250}>)/gim;

/**
 * The addresses a plain-text failure notice names before the returned message — qmail's `<user@host>:`,
 * Postfix's and Exim's recipient lines, Exchange's and Notes' "could not be delivered to" — lower-cased, without
 * mailer-daemon/postmaster and the notice's own sender and recipients (`exclude`), at most 20. Over-naming is
 * harmless: only a recipient that a reply of ours it refers to was really sent to is ever suppressed
 * (verifyBounce). Pure.
 */
export function textFailedRecipients(text: string, exclude: ReadonlySet<string>): string[] {
  const head = text.slice(0, MAX_NOTICE_CHARACTERS);
  const end = RETURNED_MESSAGE.exec(head);
  const notice = end ? head.slice(0, end.index) : head;
  const found = new Set<string>();
  for (const match of notice.matchAll(ADDRESS)) {
    const address = match[0].toLowerCase().replace(/^[.]+|[.]+$/g, '');
    if (exclude.has(address) || machineAddress(address) === 'bounce') continue;
    found.add(address);
    if (found.size >= MAX_ADDRESSES) break;
  }
  return [...found];
}

/** The Message-IDs of the returned message's headers as quoted in a plain-text notice, lower-cased. Pure. */
export function textMessageIds(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.slice(0, MAX_TEXT_CHARACTERS).matchAll(MESSAGE_ID_LINE)) {
    if (match[1] !== undefined) found.add(match[1].toLowerCase());
  }
  return [...found];
}
