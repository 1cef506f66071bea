import { createReadStream, type ReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * How many of a spooled attachment's first bytes stay in memory: enough to tell its format (sniffFormat) and for
 * what a bounce's report parts are read for (their first 256 KB, failed-recipients).
 */
export const SPOOLED_HEAD_BYTES = 256 * 1024;

/**
 * A large attachment's decoded bytes, kept in a file of the process's spool (see attachment-spool) instead of in
 * memory: `head` holds its first bytes, `length` its size. The file lives until its message is released.
 */
export class SpooledContent {
  readonly path: string;
  readonly length: number;
  readonly head: Buffer;

  constructor(path: string, length: number, head: Buffer) {
    this.path = path;
    this.length = length;
    this.head = head;
  }

  /** The whole content in memory (for a container, which is opened from memory). */
  read(): Promise<Buffer> {
    return readFile(this.path);
  }

  /** The content as a stream, read from the file in pieces. */
  stream(): ReadStream {
    return createReadStream(this.path);
  }
}

/** An attachment's decoded bytes: in memory, or spooled to a file when large. */
export type AttachmentBytes = Buffer | SpooledContent;

/** The first bytes of an attachment (all of it when held in memory): what tells its format. */
export function headOf(content: AttachmentBytes): Buffer {
  return content instanceof SpooledContent ? content.head : content;
}

/** The whole of an attachment in memory. */
export function bytesOf(content: AttachmentBytes): Promise<Buffer> {
  return content instanceof SpooledContent ? content.read() : Promise.resolve(content);
}
