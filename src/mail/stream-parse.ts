import type { Readable } from 'node:stream';
import {
  MailParser,
  type AddressObject,
  type AttachmentStream,
  type HeaderLines,
  type Headers,
  type MailParserOptions,
  type MessageText,
} from 'mailparser';
import type { AttachmentBytes } from '../documents/attachment-bytes.ts';
import type { SpoolScope, SpoolWriter } from './attachment-spool.ts';

/** An attachment as parsed: its decoded bytes in memory, or in the spool when large. */
export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
  related: boolean;
  content: AttachmentBytes;
}

/** What the stages read of a parsed message. */
export interface StreamedMail {
  headers: Headers;
  headerLines: HeaderLines;
  subject: string | undefined;
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string | string[] | undefined;
  date: Date | undefined;
  from: AddressObject | undefined;
  replyTo: AddressObject | undefined;
  to: AddressObject | AddressObject[] | undefined;
  cc: AddressObject | AddressObject[] | undefined;
  text: string;
  html: string;
  attachments: ParsedAttachment[];
}

/**
 * Parses a message with mailparser's streaming parser. What simpleParser would give, except that an attachment's
 * bytes are not gathered in pieces and joined in memory (twice its size at the end, in small allocations the
 * process keeps): with a `scope`, one of `scope.fromBytes` or more goes to its spool file as it is decoded.
 * Without, every attachment is held in memory, as simpleParser does. Rejects on the parser's first error.
 */
export async function streamParse(
  source: Readable,
  options: MailParserOptions,
  scope: SpoolScope | null,
): Promise<StreamedMail> {
  const parser = new MailParser(options);
  source.once('error', (error) => parser.destroy(error));
  source.pipe(parser);
  const attachments: ParsedAttachment[] = [];
  let body: MessageText | null = null;
  for await (const data of parser as AsyncIterable<AttachmentStream | MessageText>) {
    if (data.type === 'text') {
      body = data;
      continue;
    }
    try {
      const content = await takeContent(data.content, scope);
      attachments.push({
        filename: data.filename ?? null,
        contentType: data.contentType,
        size: data.size ?? content.length,
        sha256: data.checksum ?? '',
        related: data.related === true,
        content,
      });
    } finally {
      data.release?.();
    }
  }
  return {
    headers: parser.headers === false ? (new Map() as Headers) : parser.headers,
    headerLines: parser.headerLines === false ? [] : parser.headerLines,
    subject: parser.subject,
    messageId: parser.messageId,
    inReplyTo: parser.inReplyTo,
    references: parser.references,
    date: parser.date,
    from: parser.from,
    replyTo: parser.replyTo,
    to: parser.to,
    cc: parser.cc,
    text: body?.text ?? '',
    html: typeof body?.html === 'string' ? body.html : '',
    attachments,
  };
}

// An attachment's bytes: gathered in memory while under the spool's threshold, then written to a spool file.
// Read in 'readable' turns, as simpleParser does (awaiting each of the decoder's small pieces took 40 times as long),
// and paused while the file's write buffer is full.
function takeContent(content: Readable, scope: SpoolScope | null): Promise<AttachmentBytes> {
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = [];
    let length = 0;
    let writer: SpoolWriter | null = null;
    let paused = false;
    const fail = (error: Error) => {
      writer?.abandon();
      reject(error);
    };
    const drain = () => {
      for (
        let chunk = content.read() as Buffer | null;
        chunk !== null;
        chunk = content.read() as Buffer | null
      ) {
        length += chunk.length;
        if (writer === null) {
          pieces.push(chunk);
          if (scope === null || length < scope.fromBytes) continue;
          writer = scope.create(fail);
          for (const piece of pieces.splice(0)) writer.write(piece);
        } else if (!writer.write(chunk)) {
          paused = true;
          writer.onDrain(() => {
            paused = false;
            drain();
          });
          return;
        }
      }
    };
    content.on('readable', () => {
      if (!paused) drain();
    });
    content.once('error', fail);
    content.once('end', () => {
      if (writer === null) resolve(Buffer.concat(pieces, length));
      else writer.finish().then(resolve, fail);
    });
  });
}
