import { Readable } from 'node:stream';
import type { AddressObject } from 'mailparser';
import { isMailboxAddress } from '../domain/mailbox-address.ts';
import { TriageError } from '../errors/triage-error.ts';
import { DEFAULT_LIMITS } from '../config/schema.ts';
import { unpackAttachments, type UnpackLimits } from './containers/unpack-attachments.ts';
import type { MailAddress, MessageFacts } from './message-facts.ts';
import { PARSER_OPTIONS } from './parser-options.ts';
import type { AttachmentBytes } from '../documents/attachment-bytes.ts';
import type { SpoolScope } from './attachment-spool.ts';
import { streamParse, type StreamedMail } from './stream-parse.ts';

/** A parsed message: its facts, plus what later stages may need but must never log or store in Redis. */
export interface ParsedMessage {
  facts: MessageFacts;
  /**
   * Decoded attachment contents (those unpacked from containers too), index-aligned with `facts.attachments`: in
   * memory, or in the spool when large and a spool was given.
   */
  contents: AttachmentBytes[];
  /** Plain-text body ('' when the message has none). */
  text: string;
  /** HTML body ('' when the message has none); only searched for our reply token. */
  html: string;
}

// mailparser is given a message in pieces of this size: handed a 34 MB message (a 26 MB PDF in base64) as one
// Buffer, its MIME splitter and base64 decoder copy the whole, and parsing it took the process's RSS about 235 MB
// above where it started; in pieces of 64 KB, about 35 MB (README "Where the memory goes").
const PARSE_CHUNK_BYTES = 64 * 1024;

/**
 * Limits applied while parsing: a message with more attachments of its own than `maxAttachments` is refused as too
 * complex; containers are unpacked within the rest (see unpackAttachments).
 */
export type ParseLimits = Pick<UnpackLimits, 'maxAttachments'> & Partial<UnpackLimits>;

/**
 * Parses a raw message (bytes or a stream) with mailparser into plain facts; its containers (winmail.dat, Outlook
 * items, attached messages) are unpacked, their files following them in `facts.attachments`.
 */
export async function parseMessage(
  source: Buffer | Readable,
  limits: ParseLimits,
  options: { headersOnly?: boolean; spool?: SpoolScope } = {},
): Promise<ParsedMessage> {
  let mail: StreamedMail;
  try {
    mail = await streamParse(
      Buffer.isBuffer(source) ? inPieces(source) : source,
      PARSER_OPTIONS,
      options.spool ?? null,
    );
  } catch (error) {
    throw new TriageError('message-unparseable', `mail parser failed: ${describe(error)}`, { cause: error });
  }
  if (mail.attachments.length > limits.maxAttachments) {
    throw new TriageError(
      'message-too-complex',
      `message has ${mail.attachments.length} attachments (limit ${limits.maxAttachments})`,
    );
  }
  const parts = await unpackAttachments(
    mail.attachments.map((attachment) => ({
      facts: {
        filename: attachment.filename,
        contentType: attachment.contentType.toLowerCase(),
        size: attachment.size,
        sha256: attachment.sha256,
        inline: attachment.related,
        within: [],
        container: null,
      },
      content: attachment.content,
    })),
    { ...DEFAULT_LIMITS, ...limits },
  );
  const { text, html } = mail;
  const facts: MessageFacts = {
    messageId: cleanId(mail.messageId),
    inReplyTo: cleanId(mail.inReplyTo),
    references: toArray(mail.references)
      .map(cleanId)
      .filter((id): id is string => id !== null),
    subject: mail.subject ?? '',
    from: toAddresses(mail.from)[0] ?? null,
    replyTo: toAddresses(mail.replyTo),
    to: toAddresses(mail.to),
    cc: toAddresses(mail.cc),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    contentType: rootContentType(mail),
    headers: collectHeaders(mail),
    attachments: parts.map((part) => part.facts),
    textLength: text.length,
    headersOnly: options.headersOnly ?? false,
  };
  return { facts, contents: parts.map((part) => part.content), text, html };
}

function inPieces(source: Buffer): Readable {
  return Readable.from(parsePieces(source), { objectMode: false });
}

/** A source cut into the pieces mailparser is best given (views, not copies). */
export function* parsePieces(source: Buffer): Generator<Buffer> {
  for (let start = 0; start < source.length; start += PARSE_CHUNK_BYTES)
    yield source.subarray(start, start + PARSE_CHUNK_BYTES);
}

function collectHeaders(mail: StreamedMail): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of mail.headerLines) {
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
    (headers[key.toLowerCase()] ??= []).push(value);
  }
  return headers;
}

function rootContentType(mail: StreamedMail): string {
  const header = mail.headers.get('content-type');
  if (header && typeof header === 'object' && 'value' in header && typeof header.value === 'string') {
    return header.value.toLowerCase();
  }
  return 'text/plain';
}

function toAddresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const result: MailAddress[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      const members = entry.group ?? [entry];
      for (const member of members) {
        const address = (member.address ?? '').trim().toLowerCase();
        // Anything else is no one to record or to answer: a malformed header is never read as an address.
        if (isMailboxAddress(address)) result.push({ name: (member.name ?? '').trim(), address });
      }
    }
  }
  return result;
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split(/\s+/);
}

function cleanId(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
