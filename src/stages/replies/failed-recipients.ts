import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { ParsedMessage } from '../../mail/parse-message.ts';
import { textFailedRecipients, textMessageIds } from './text-bounce.ts';
import { headOf } from '../../documents/attachment-bytes.ts';

/** One header-style field; `null` stands for a blank line (the end of a header block or a DSN field group). */
type Field = { name: string; value: string } | null;

const STATUS_TYPES: ReadonlySet<string> = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
]);
const ORIGINAL_TYPES: ReadonlySet<string> = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);
/** RFC 3464 address types we can read: plain and internationalised (RFC 6533) Internet addresses. */
const MAIL_ADDRESS_TYPES: ReadonlySet<string> = new Set(['rfc822', 'utf-8']);
/** Fields that begin a new recipient when they repeat, for MTAs that omit the blank line between groups. */
const RECIPIENT_FIELDS: ReadonlySet<string> = new Set(['final-recipient', 'original-recipient', 'action']);
const FIELD_LINE = /^([!-9;-~]+)[ \t]*:(.*)$/;
const ADDRESS_TYPE = /^[a-z0-9][a-z0-9.+-]*$/i;
const MESSAGE_ID = /<[^<>\s]+>/g;
const BARE_MESSAGE_ID = /^[^<>\s@]+@[^<>\s@]+$/;
/** Only the header block of a returned message is read; a DSN report is tiny. */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_REPORT_BYTES = 256 * 1024;

/**
 * The lower-cased addresses a bounce says could not be delivered to, deduplicated: every `X-Failed-Recipients`
 * header and each `Action: failed` recipient of a `message/delivery-status` part (RFC 3464); without either, the
 * addresses a plain-text notice (not a multipart/report) names before the returned message
 * (textFailedRecipients). Read receipts and delayed/relayed DSNs yield [].
 */
export function failedRecipients(parsed: ParsedMessage): string[] {
  const found = new Set<string>();
  for (const value of parsed.facts.headers['x-failed-recipients'] ?? []) {
    for (const address of mailAddresses(value)) found.add(address);
  }
  for (const content of partsOfType(parsed, STATUS_TYPES)) {
    for (const group of fieldGroups(readFields(content, MAX_REPORT_BYTES))) {
      if (firstWord(group.get('action')) !== 'failed') continue;
      const address =
        recipientAddress(group.get('final-recipient')) ?? recipientAddress(group.get('original-recipient'));
      if (address !== null) found.add(address);
    }
  }
  // A report (a DSN without a failed recipient, a read receipt, a feedback report) names no failure in its text.
  if (found.size === 0 && !parsed.facts.contentType.startsWith('multipart/report')) {
    const { from, to, cc } = parsed.facts;
    const exclude = new Set([from, ...to, ...cc].flatMap((entry) => (entry ? [entry.address] : [])));
    return textFailedRecipients(parsed.text, exclude);
  }
  return [...found];
}

/**
 * The lower-cased, angle-bracketed Message-IDs of the message(s) a bounce is about, deduplicated: the returned
 * message's (or headers') Message-ID, a DSN's `X-Original-Message-ID`, then the bounce's In-Reply-To/References.
 */
export function bounceReferences(parsed: ParsedMessage): string[] {
  const found = new Set<string>();
  for (const content of partsOfType(parsed, ORIGINAL_TYPES)) {
    for (const field of headerBlock(readFields(content, MAX_HEADER_BYTES))) {
      if (field.name === 'message-id') for (const id of messageIds(field.value)) found.add(id);
    }
  }
  for (const content of partsOfType(parsed, STATUS_TYPES)) {
    // Gmail puts the original Message-ID among the per-message fields of its DSNs.
    for (const field of readFields(content, MAX_REPORT_BYTES)) {
      if (field?.name === 'x-original-message-id') for (const id of messageIds(field.value)) found.add(id);
    }
  }
  // A plain-text notice quotes the returned message's headers in its text.
  for (const id of textMessageIds(parsed.text)) found.add(id);
  const { inReplyTo, references } = parsed.facts;
  for (const value of [inReplyTo ?? '', ...references]) for (const id of messageIds(value)) found.add(id);
  return [...found];
}

function partsOfType(parsed: ParsedMessage, types: ReadonlySet<string>): Buffer[] {
  const parts: Buffer[] = [];
  parsed.facts.attachments.forEach((attachment, index) => {
    const content = parsed.contents[index];
    // The returned message's own parts only, not what it carried.
    if (content !== undefined && attachment.within.length === 0 && types.has(attachment.contentType)) {
      parts.push(headOf(content));
    }
  });
  return parts;
}

/** Header-style fields with folding undone, names lower-cased; tolerates CRLF, LF or CR and stray lines. */
function readFields(content: Buffer, maxBytes: number): Field[] {
  const fields: Field[] = [];
  let current: { name: string; value: string } | null = null;
  for (const line of content
    .subarray(0, maxBytes)
    .toString('utf8')
    .split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      fields.push(null);
      current = null;
    } else if (/^[ \t]/.test(line)) {
      if (current) current.value = `${current.value} ${line.trim()}`;
    } else {
      const match = FIELD_LINE.exec(line);
      current = match ? { name: (match[1] ?? '').toLowerCase(), value: (match[2] ?? '').trim() } : null;
      if (current) fields.push(current);
    }
  }
  return fields;
}

/** The fields before the first blank line: the header of a returned message. */
function headerBlock(fields: readonly Field[]): { name: string; value: string }[] {
  const end = fields.indexOf(null);
  return (end < 0 ? fields : fields.slice(0, end)).filter((field) => field !== null);
}

/** DSN field groups (per-message, then one per recipient); first occurrence of a name wins within a group. */
function fieldGroups(fields: readonly Field[]): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let group = new Map<string, string>();
  for (const field of fields) {
    if (field === null || (RECIPIENT_FIELDS.has(field.name) && group.has(field.name))) {
      if (group.size > 0) groups.push(group);
      group = new Map();
    }
    if (field !== null && !group.has(field.name)) group.set(field.name, field.value);
  }
  if (group.size > 0) groups.push(group);
  return groups;
}

/** `rfc822; user@x`, `RFC822;<user@x>`, `user@x` or `utf-8; j\x{F6}rg@x` → the address; other types → null. */
function recipientAddress(value: string | undefined): string | null {
  if (value === undefined) return null;
  const semicolon = value.indexOf(';');
  const type = semicolon < 0 ? '' : value.slice(0, semicolon).trim().toLowerCase();
  if (type !== '' && !ADDRESS_TYPE.test(type)) return mailAddresses(value)[0] ?? null;
  if (type !== '' && !MAIL_ADDRESS_TYPES.has(type)) return null;
  const address = semicolon < 0 ? value : value.slice(semicolon + 1);
  return mailAddresses(type === 'utf-8' ? decodeUnicodeEscapes(address) : address)[0] ?? null;
}

/** Addresses parsed from a header value, lower-cased; keeps only those with one `@` between non-empty parts. */
function mailAddresses(value: string): string[] {
  return addressparser(value, { flatten: true })
    .map((entry) => entry.address.trim().toLowerCase())
    .filter((address) => {
      const parts = address.split('@');
      return parts.length === 2 && parts.every((part) => part !== '') && !/\s/.test(address);
    });
}

/** RFC 6533 `\x{HHHH}` escapes in utf-8 address types. */
function decodeUnicodeEscapes(value: string): string {
  return value.replace(/\\x\{([0-9a-f]{1,6})\}/gi, (escape, hex: string) => {
    const codePoint = Number.parseInt(hex, 16);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : escape;
  });
}

/** `<ID@Host>` → `<id@host>`; a bare `id@host` is bracketed; anything else is ignored. */
function messageIds(value: string): string[] {
  const bracketed = value.match(MESSAGE_ID);
  if (bracketed) return bracketed.map((id) => id.toLowerCase());
  const bare = value.trim();
  return BARE_MESSAGE_ID.test(bare) ? [`<${bare.toLowerCase()}>`] : [];
}

function firstWord(value: string | undefined): string {
  return /^\s*([a-z-]+)/i.exec(value ?? '')?.[1]?.toLowerCase() ?? '';
}
