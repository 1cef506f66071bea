import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TriageError } from '../errors/triage-error.ts';
import { SPOOLED_HEAD_BYTES, SpooledContent } from '../documents/attachment-bytes.ts';

const PREFIX = 'applicant-triage-spool-';

/**
 * A daemon process's private directory (mode 0700) for the decoded bytes of large attachments while their message
 * is worked on, so that they take the page cache and not the process's memory: an attachment of `fromBytes` or
 * more goes there as it is decoded, and its reading process is sent it from the file. Each message's files are
 * removed when it is done (SpoolScope.release), the directory when the process stops; the directories of
 * processes that died (kill -9) are removed when the next one opens its spool in the same place.
 */
export class AttachmentSpool {
  readonly dir: string;
  readonly fromBytes: number;
  #next = 0;

  private constructor(dir: string, fromBytes: number) {
    this.dir = dir;
    this.fromBytes = fromBytes;
  }

  /**
   * A new spool under `parent` (created 0700, named after this process). A parent that cannot be written is a
   * configuration error naming `workers.spoolDir`.
   */
  static async open(parent: string, fromBytes: number): Promise<AttachmentSpool> {
    await removeDeadSpools(parent);
    try {
      return new AttachmentSpool(await mkdtemp(join(parent, `${PREFIX}${process.pid}-`)), fromBytes);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new TriageError(
        'config-invalid',
        `workers.spoolDir: cannot create a spool in ${parent}: ${why}`,
        {
          cause: error,
        },
      );
    }
  }

  /** The files of one message, removed together. */
  scope(): SpoolScope {
    return new SpoolScope(this);
  }

  /** A new file's path in the spool (never reused). */
  nextPath(): string {
    this.#next += 1;
    return join(this.dir, `${this.#next}-${randomBytes(6).toString('hex')}`);
  }

  /** Removes the directory with whatever is still in it. */
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** One message's spooled attachments. */
export class SpoolScope {
  readonly #spool: AttachmentSpool;
  readonly #paths: string[] = [];

  constructor(spool: AttachmentSpool) {
    this.#spool = spool;
  }

  /** Attachments of this many bytes or more are spooled. */
  get fromBytes(): number {
    return this.#spool.fromBytes;
  }

  /** A new file (0600) for one attachment; a failure writing it goes to `onError`. */
  create(onError: (error: Error) => void): SpoolWriter {
    const path = this.#spool.nextPath();
    this.#paths.push(path);
    return new SpoolWriter(path, onError);
  }

  /** Removes this message's files. */
  async release(): Promise<void> {
    const paths = this.#paths.splice(0);
    await Promise.all(paths.map((path) => rm(path, { force: true })));
  }
}

/** Writes one attachment's bytes to its spool file, keeping the first of them in memory. */
export class SpoolWriter {
  readonly #path: string;
  readonly #file: WriteStream;
  #length = 0;
  #head: Buffer[] = [];
  #headLength = 0;

  constructor(path: string, onError: (error: Error) => void) {
    this.#path = path;
    this.#file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    this.#file.once('error', onError);
  }

  /** Writes a piece; false when the file's buffer is full (wait for onDrain before the next). */
  write(chunk: Buffer): boolean {
    if (this.#headLength < SPOOLED_HEAD_BYTES) {
      const piece = chunk.subarray(0, SPOOLED_HEAD_BYTES - this.#headLength);
      this.#head.push(Buffer.from(piece));
      this.#headLength += piece.length;
    }
    this.#length += chunk.length;
    return this.#file.write(chunk);
  }

  onDrain(resume: () => void): void {
    this.#file.once('drain', resume);
  }

  /** Closes the file once everything is written; the content as written. */
  finish(): Promise<SpooledContent> {
    return new Promise((resolve, reject) => {
      this.#file.once('error', reject);
      this.#file.end(() => {
        resolve(new SpooledContent(this.#path, this.#length, Buffer.concat(this.#head, this.#headLength)));
      });
    });
  }

  /** Stops writing after a failure (the scope removes the file). */
  abandon(): void {
    this.#file.destroy();
  }
}

// A spool whose process no longer runs (it was killed, or the machine stopped) is removed with its files:
// applicants' documents are not left in a temporary directory.
async function removeDeadSpools(parent: string): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(entry)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
