import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { TriageError } from '../errors/triage-error.ts';

/** A key OAuth2 tokens are sealed with (AES-256-GCM), and a short fingerprint that names it without revealing it. */
export interface TokenKey {
  key: Buffer;
  fingerprint: string;
}

/** How a configured key was judged: usable, or what is wrong with it (for `check` and the start-up error). */
export type TokenKeyReading = { ok: true; key: TokenKey } | { ok: false; problem: string };

const FORMAT = 'v1';

/**
 * Reads the key from its environment variable's value: 32 random bytes as base64 or hex (`openssl rand -base64
 * 32`). Refused: missing, another length, or weak — bytes that are all printable text (a password, not random
 * bytes) or fewer than 16 distinct byte values (a repeated pattern).
 */
export function readTokenKey(variable: string, value: string | undefined): TokenKeyReading {
  const generate = 'generate one with: openssl rand -base64 32';
  if (value === undefined || value.trim() === '')
    return { ok: false, problem: `${variable} is not set; ${generate}` };
  const text = value.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : decodeBase64(text);
  if (bytes === null || bytes.length !== 32)
    return { ok: false, problem: `${variable} must be 32 bytes as base64 or hex; ${generate}` };
  const printable = bytes.every((byte) => byte >= 0x20 && byte <= 0x7e);
  if (printable || new Set(bytes).size < 16)
    return { ok: false, problem: `${variable} is weak (not random bytes); ${generate}` };
  return { ok: true, key: { key: bytes, fingerprint: fingerprintOf(bytes) } };
}

/**
 * Seals text for Redis: AES-256-GCM with a random 96-bit nonce, bound to `context` (additional data: the prefix,
 * mailbox and field), so a sealed value moved to another key or mailbox does not open.
 */
export function sealText(key: TokenKey, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [FORMAT, key.fingerprint, nonce.toString('base64url'), sealed.toString('base64url')].join('.');
}

/** What a value that does not open is reported as, and what the person who reads the error can do. */
export interface SealErrors {
  code: 'oauth-key' | 'data-key';
  remedy: string;
}

const TOKEN_ERRORS: SealErrors = {
  code: 'oauth-key',
  remedy: 'set the key it was stored with, or sign in again',
};

/** True when a stored value is sealed (sealText's format) rather than clear text. */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${FORMAT}.`);
}

/** The fingerprint of the key a sealed value was sealed with (null for a value that is not sealed). */
export function sealedWith(stored: string): string | null {
  return isSealed(stored) ? (stored.split('.')[1] ?? null) : null;
}

/** Opens what sealText sealed; a value sealed with another key, or altered, is a clear error (`errors.code`). */
export function openText(key: TokenKey, sealed: string, context: string, errors = TOKEN_ERRORS): string {
  const [format, fingerprint, nonce, body] = sealed.split('.');
  if (format !== FORMAT || nonce === undefined || body === undefined)
    throw new TriageError(errors.code, `${context}: the stored value is not sealed`);
  if (fingerprint !== key.fingerprint)
    throw new TriageError(
      errors.code,
      `${context}: sealed with the key ${fingerprint ?? '?'}, but the configured key is ${key.fingerprint}: ${errors.remedy}`,
    );
  const data = Buffer.from(body, 'base64url');
  if (data.length < 16) throw new TriageError(errors.code, `${context}: the stored value is truncated`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    throw new TriageError(errors.code, `${context}: the stored value does not open with the configured key`, {
      cause: error,
    });
  }
}

function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

// A hash of the key, never the key: enough to tell two keys apart in an error message.
function fingerprintOf(key: Buffer): string {
  return createHash('sha256').update('applicant-triage token key').update(key).digest('hex').slice(0, 8);
}
