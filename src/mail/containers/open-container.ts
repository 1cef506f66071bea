import { simpleParser } from 'mailparser';
import type { AttachmentFacts } from '../message-facts.ts';
import { PARSER_OPTIONS } from '../parser-options.ts';
import { readOutlookItem } from './read-outlook-item.ts';
import { readTnef } from './read-tnef.ts';

/** The containers whose files are unpacked: TNEF (`winmail.dat`), an Outlook item (`.msg`), an attached message. */
export type ContainerFormat = 'tnef' | 'outlook' | 'message';

/** The files found in a container, and how many were left in it for the byte limit. */
export interface OpenedContainer {
  files: { filename: string | null; contentType: string; content: Buffer }[];
  skipped: number;
}

const TNEF_SIGNATURE = Buffer.from([0x78, 0x9f, 0x3e, 0x22]);
const COMPOUND_FILE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const TNEF_TYPES = new Set(['application/ms-tnef', 'application/vnd.ms-tnef']);
const OUTLOOK_TYPES = new Set([
  'application/vnd.ms-outlook',
  'application/x-msg',
  'application/x-outlook-msg',
]);
const MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);
// An Outlook item's reading process gets this much memory: msgreader keeps its tree and one attachment at a time.
const OUTLOOK_MEMORY_MB = 128;

/**
 * Whether a part is a container, and which: by its declared type or name, a TNEF stream also by its signature
 * (Exchange sends winmail.dat as application/octet-stream too). Null for anything else. Pure.
 */
export function containerFormat(
  facts: Pick<AttachmentFacts, 'filename' | 'contentType'>,
  content: Buffer,
): ContainerFormat | null {
  const name = (facts.filename ?? '').toLowerCase();
  const type = facts.contentType.toLowerCase();
  if (TNEF_TYPES.has(type) || name === 'winmail.dat' || content.subarray(0, 4).equals(TNEF_SIGNATURE)) {
    return 'tnef';
  }
  if (
    OUTLOOK_TYPES.has(type) ||
    (name.endsWith('.msg') && content.subarray(0, 8).equals(COMPOUND_FILE_SIGNATURE))
  ) {
    return 'outlook';
  }
  if (MESSAGE_TYPES.has(type) || name.endsWith('.eml')) return 'message';
  return null;
}

/** Opens one container; rejects with the reason when it is damaged or its reader fails. */
export async function openContainer(
  format: ContainerFormat,
  content: Buffer,
  limits: { maxBytes: number; seconds: number },
): Promise<OpenedContainer> {
  switch (format) {
    case 'tnef': {
      const { files } = readTnef(content);
      return { files: files.map((file) => ({ ...file, contentType: typeOf(file.contentType) })), skipped: 0 };
    }
    case 'outlook': {
      const item = await readOutlookItem(content, {
        maxBytes: limits.maxBytes,
        seconds: limits.seconds,
        memoryMb: OUTLOOK_MEMORY_MB,
      });
      const files = item.files.map((file) => ({
        filename: file.filename,
        contentType: typeOf(file.contentType),
        content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
      }));
      return { files, skipped: item.skipped.length };
    }
    case 'message': {
      const mail = await simpleParser(content, PARSER_OPTIONS);
      const files = mail.attachments.map((attachment) => ({
        filename: attachment.filename ?? null,
        contentType: attachment.contentType.toLowerCase(),
        content: attachment.content,
      }));
      return { files, skipped: 0 };
    }
  }
}

function typeOf(declared: string | null): string {
  return declared ?? 'application/octet-stream';
}
