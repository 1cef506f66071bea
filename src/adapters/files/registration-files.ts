import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Registration } from '../../calls/read-registrations.ts';
import { MAX_REGISTRATION_BYTES, readRegistrations } from '../../calls/read-registrations.ts';

/** A form export as last read: its responses, or why there are none to trust. */
export type RegistrationState =
  | { status: 'ok'; file: string; rows: readonly Registration[]; readAt: string }
  | { status: 'error'; file: string; error: string };

/** Where a vacancy's registrations are: the file (relative to the config's folder) and its columns. */
export interface RegistrationSource {
  file: string;
  emailColumn?: string | undefined;
  nameColumn?: string | undefined;
}

interface Cached {
  signature: string;
  state: RegistrationState;
}

/**
 * A per-file cache of form exports, re-read when the file's mtime or size changes (checked on each call, cheap
 * stat); an unreadable or bad file gives an error state (never throws) and the last good rows are NOT used (so
 * the marks never lie). Relative paths resolve against `baseDir` (the config file's folder).
 */
export class RegistrationFiles {
  readonly #baseDir: string;
  readonly #maxBytes: number;
  readonly #cache = new Map<string, Cached>();

  constructor(options: { baseDir: string; maxBytes?: number }) {
    this.#baseDir = options.baseDir;
    this.#maxBytes = options.maxBytes ?? MAX_REGISTRATION_BYTES;
  }

  /** The export's current responses, read again only when the file changed since the last call. */
  async read(config: RegistrationSource): Promise<RegistrationState> {
    const file = resolve(this.#baseDir, config.file);
    const key = JSON.stringify([file, config.emailColumn ?? null, config.nameColumn ?? null]);
    try {
      const info = await stat(file);
      if (!info.isFile()) return failed(file, 'cannot be read: not a file');
      if (info.size > this.#maxBytes) return failed(file, tooLarge(info.size, this.#maxBytes));
      // The inode and ctime as well: a file replaced by a rename, or rewritten within the mtime's resolution.
      const signature = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      const cached = this.#cache.get(key);
      if (cached?.signature === signature) return cached.state;
      const state = await this.#load(file, config);
      this.#cache.set(key, { signature, state });
      return state;
    } catch (error) {
      this.#cache.delete(key);
      return failed(file, `cannot be read: ${errorCode(error)}`);
    }
  }

  async #load(file: string, config: RegistrationSource): Promise<RegistrationState> {
    const bytes = await readFile(file);
    if (bytes.length > this.#maxBytes) return failed(file, tooLarge(bytes.length, this.#maxBytes));
    const read = readRegistrations(decodeText(bytes), config);
    if (!read.ok) return failed(file, read.error);
    return { status: 'ok', file, rows: read.rows, readAt: new Date().toISOString() };
  }
}

// "<file> line 7: …" for a place in the file, "<file>: …" for the file as a whole.
function failed(file: string, error: string): RegistrationState {
  return { status: 'error', file, error: `${file}${error.startsWith('line ') ? ' ' : ': '}${error}` };
}

function tooLarge(size: number, maxBytes: number): string {
  return `too large: ${sizeText(size)} (at most ${sizeText(maxBytes)})`;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

// UTF-8 (with or without BOM) or UTF-16 with a BOM; else Windows-1252, which Excel writes for "CSV (comma
// delimited)" in western European locales.
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
