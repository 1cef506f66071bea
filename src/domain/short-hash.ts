import { createHash } from 'node:crypto';

/** A short stable digest of a string, for ids derived from untrusted values (addresses, Message-IDs). */
export function shortHash(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}
