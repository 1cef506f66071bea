import type { Readable } from 'node:stream';
import { SpooledContent } from './attachment-bytes.ts';

/**
 * A task's document bytes travel beside its IPC message, on a pipe of their own: the IPC channel serializes what it
 * sends (a 26 MB attachment was copied once more into the daemon's memory, and the serializer's buffer grows by
 * doubling), while a pipe writes from the Buffer itself. The reading process puts them back as the task's `bytes`.
 */

/** The reading process's file descriptor that carries the bytes (stdin, stdout, stderr and IPC come first). */
export const BYTES_FD = 4;

/**
 * A task without its `bytes` (when it had a Uint8Array or a spooled attachment there), and those bytes: a spooled
 * attachment's are streamed from its file, so the daemon never holds them whole.
 */
export function detachBytes(task: unknown): { task: unknown; bytes: Uint8Array | SpooledContent | null } {
  if (typeof task !== 'object' || task === null || !('bytes' in task)) return { task, bytes: null };
  const { bytes, ...rest } = task;
  return bytes instanceof Uint8Array || bytes instanceof SpooledContent
    ? { task: rest, bytes }
    : { task, bytes: null };
}

/** The task with its bytes back in place. */
export function attachBytes(task: unknown, bytes: Buffer): unknown {
  return { ...(task as object), bytes };
}

/** Reads the bytes of one task after another from the pipe, each exactly as many as its message announced. */
export class ByteIntake {
  #spare: Buffer[] = [];
  #wanted: { target: Buffer; filled: number; resolve: (bytes: Buffer) => void } | null = null;

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  /** The next `length` bytes; one request at a time. */
  take(length: number): Promise<Buffer> {
    if (this.#wanted !== null) return Promise.reject(new Error('bytes of two tasks requested at once'));
    const target = Buffer.allocUnsafeSlow(length);
    return new Promise((resolve) => {
      this.#wanted = { target, filled: 0, resolve };
      const spare = this.#spare;
      this.#spare = [];
      for (const chunk of spare) this.#receive(chunk);
      this.#settle();
    });
  }

  #receive(chunk: Buffer): void {
    const wanted = this.#wanted;
    if (wanted === null) {
      this.#spare.push(chunk);
      return;
    }
    const count = Math.min(chunk.length, wanted.target.length - wanted.filled);
    chunk.copy(wanted.target, wanted.filled, 0, count);
    wanted.filled += count;
    if (count < chunk.length) this.#spare.push(chunk.subarray(count));
    this.#settle();
  }

  #settle(): void {
    const wanted = this.#wanted;
    if (wanted === null || wanted.filled < wanted.target.length) return;
    this.#wanted = null;
    wanted.resolve(wanted.target);
  }
}
