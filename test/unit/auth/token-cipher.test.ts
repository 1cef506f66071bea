import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openText, readTokenKey, sealText, type TokenKey } from '../../../src/auth/token-cipher.ts';
import { isTriageError } from '../../../src/errors/triage-error.ts';

function key(bytes = randomBytes(32)): TokenKey {
  const reading = readTokenKey('TRIAGE_TOKEN_KEY', bytes.toString('base64'));
  if (!reading.ok) throw new Error(reading.problem);
  return reading.key;
}

describe('readTokenKey', () => {
  it('takes 32 random bytes as base64, base64url or hex', () => {
    const bytes = randomBytes(32);
    for (const text of [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')]) {
      const reading = readTokenKey('K', text);
      expect(reading.ok && reading.key.key.equals(bytes)).toBe(true);
    }
  });

  it.each([
    [undefined, 'K is not set; generate one with: openssl rand -base64 32'],
    ['', 'K is not set; generate one with: openssl rand -base64 32'],
    [randomBytes(16).toString('base64'), 'K must be 32 bytes as base64 or hex'],
    ['not a key at all!', 'K must be 32 bytes as base64 or hex'],
    [Buffer.from('correct horse battery staple 123').toString('base64'), 'K is weak (not random bytes)'],
    [Buffer.alloc(32, 7).toString('base64'), 'K is weak (not random bytes)'],
    ['0'.repeat(64), 'K is weak (not random bytes)'],
  ])('refuses %j', (value, problem) => {
    const reading = readTokenKey('K', value);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.problem).toContain(problem);
  });
});

describe('sealText / openText', () => {
  it('round-trips, and the sealed text does not contain the token', () => {
    const k = key();
    const token = 'M.C529_BAY.0.U.-refresh-token-secret';
    const sealed = sealText(k, token, 'triage:oauth:chen:grant');
    expect(sealed).not.toContain('refresh-token-secret');
    expect(sealed.startsWith(`v1.${k.fingerprint}.`)).toBe(true);
    expect(openText(k, sealed, 'triage:oauth:chen:grant')).toBe(token);
  });

  it('a wrong key is a clear oauth-key error naming both fingerprints', () => {
    const stored = key();
    const other = key();
    const sealed = sealText(stored, 'secret', 'c');
    let error: unknown;
    try {
      openText(other, sealed, 'c');
    } catch (caught) {
      error = caught;
    }
    expect(isTriageError(error, 'oauth-key')).toBe(true);
    expect((error as Error).message).toContain(`sealed with the key ${stored.fingerprint}`);
    expect((error as Error).message).toContain(`configured key is ${other.fingerprint}`);
  });

  it('a value moved to another mailbox, or altered, does not open', () => {
    const k = key();
    const sealed = sealText(k, 'secret', 'triage:oauth:chen:grant');
    expect(() => openText(k, sealed, 'triage:oauth:okafor:grant')).toThrow(/does not open/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const altered = [...parts.slice(0, 3), body.toString('base64url')].join('.');
    expect(() => openText(k, altered, 'triage:oauth:chen:grant')).toThrow(/does not open/);
    expect(() => openText(k, 'plain text', 'c')).toThrow(/not sealed/);
  });
});
