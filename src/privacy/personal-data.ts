import { createHmac } from 'node:crypto';
import { isSealed, openText, sealedWith, sealText, type SealErrors } from '../auth/token-cipher.ts';
import { TriageError } from '../errors/triage-error.ts';
import type { DataKeys } from './data-keys.ts';

const DATA_ERRORS: SealErrors = {
  code: 'data-key',
  remedy: 'set it in the data key variable, or list it in <variable>_PREVIOUS while `triage reseal` runs',
};

/**
 * How personal data is kept in Redis: values sealed with the data key (AES-256-GCM, bound to their Redis key) or,
 * without one, in clear; addresses replaced by a keyed hash (HMAC-SHA-256 with the installation's address key)
 * wherever only their identity is needed, so what must outlive an erasure (the reply ledger, bounce suppression)
 * holds no address.
 */
export class PersonalData {
  private readonly keys: DataKeys;
  private readonly addressKey: Buffer;

  constructor(keys: DataKeys, addressKey: Buffer) {
    this.keys = keys;
    this.addressKey = addressKey;
  }

  /** Whether values are sealed when written (a data key is set). */
  get encrypted(): boolean {
    return this.keys.current !== null;
  }

  /** The fingerprint of the key values are sealed with now, or null. */
  get keyFingerprint(): string | null {
    return this.keys.current?.fingerprint ?? null;
  }

  /** The keyed hash standing for an address (case-insensitive): 32 hex digits. */
  hashAddress(address: string): string {
    return createHmac('sha256', this.addressKey)
      .update(address.trim().toLowerCase())
      .digest('hex')
      .slice(0, 32);
  }

  /** The value to store under the Redis key `context`: sealed with the current key, or the text itself. */
  seal(text: string, context: string): string {
    return this.keys.current ? sealText(this.keys.current, text, context) : text;
  }

  /** The text of a stored value (sealed with the current or a previous key, or clear). */
  open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const fingerprint = sealedWith(stored);
    const key = [this.keys.current, ...this.keys.previous].find(
      (entry) => entry?.fingerprint === fingerprint,
    );
    if (!key)
      throw new TriageError(
        'data-key',
        `${context}: personal data sealed with the key ${fingerprint ?? '?'}, which ${this.keys.variable} ${this.keys.current ? `(${this.keys.current.fingerprint})` : '(not set)'} and ${this.keys.variable}_PREVIOUS do not hold`,
      );
    return openText(key, stored, context, DATA_ERRORS);
  }

  /** Whether a stored value should be sealed again: clear while a key is set, or sealed with an older key. */
  needsReseal(stored: string): boolean {
    const current = this.keys.current;
    if (current === null) return false;
    return sealedWith(stored) !== current.fingerprint;
  }
}
