import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readDataKeys } from '../../../src/privacy/data-keys.ts';
import { PersonalData } from '../../../src/privacy/personal-data.ts';

const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('hex');
const addressKey = randomBytes(32);
const record = JSON.stringify({ name: 'Priya Raman', email: 'priya.raman@example.org' });

describe('personal data', () => {
  it('without a data key, values are stored as they are and nothing needs resealing', () => {
    const personal = new PersonalData(readDataKeys('TRIAGE_DATA_KEY', {}), addressKey);
    expect(personal.encrypted).toBe(false);
    expect(personal.seal(record, 'p:candidate:1')).toBe(record);
    expect(personal.open(record, 'p:candidate:1')).toBe(record);
    expect(personal.needsReseal(record)).toBe(false);
  });

  it('with a key, a value is sealed (no name in it), opens under its own Redis key only', () => {
    const personal = new PersonalData(
      readDataKeys('TRIAGE_DATA_KEY', { TRIAGE_DATA_KEY: KEY_A }),
      addressKey,
    );
    const sealed = personal.seal(record, 'p:candidate:1');
    expect(sealed).not.toContain('Priya');
    expect(sealed).not.toContain('priya.raman');
    expect(personal.open(sealed, 'p:candidate:1')).toBe(record);
    expect(() => personal.open(sealed, 'p:candidate:2')).toThrow(/does not open/);
    expect(personal.needsReseal(sealed)).toBe(false);
    expect(personal.needsReseal(record)).toBe(true);
  });

  it('rotation: a value sealed with the previous key still opens and is due for resealing', () => {
    const before = new PersonalData(readDataKeys('K', { K: KEY_A }), addressKey);
    const sealed = before.seal(record, 'c');
    const after = new PersonalData(readDataKeys('K', { K: KEY_B, K_PREVIOUS: KEY_A }), addressKey);
    expect(after.open(sealed, 'c')).toBe(record);
    expect(after.needsReseal(sealed)).toBe(true);
    expect(after.needsReseal(after.seal(record, 'c'))).toBe(false);
  });

  it('a value sealed with a key that is not configured is a data-key error naming the variable', () => {
    const sealed = new PersonalData(readDataKeys('K', { K: KEY_A }), addressKey).seal(record, 'c');
    const without = new PersonalData(readDataKeys('K', {}), addressKey);
    expect(() => without.open(sealed, 'c')).toThrow(/sealed with the key \w+, which K \(not set\)/);
    const other = new PersonalData(readDataKeys('K', { K: KEY_B }), addressKey);
    expect(() => other.open(sealed, 'c')).toThrow(expect.objectContaining({ code: 'data-key' }));
  });

  it('a set but weak or malformed key is a configuration error, never a silent clear store', () => {
    expect(() => readDataKeys('K', { K: 'correct horse battery staple' })).toThrow(/security.dataKeyEnv: K/);
    expect(() => readDataKeys('K', { K: KEY_A, K_PREVIOUS: 'short' })).toThrow(/K_PREVIOUS must be 32 bytes/);
  });

  it('addresses hash by the installation key, case-insensitively; another installation gets other hashes', () => {
    const personal = new PersonalData(readDataKeys('K', {}), addressKey);
    const hash = personal.hashAddress('Priya.Raman@Example.org ');
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(personal.hashAddress('priya.raman@example.org')).toBe(hash);
    expect(
      new PersonalData(readDataKeys('K', {}), randomBytes(32)).hashAddress('priya.raman@example.org'),
    ).not.toBe(hash);
  });
});
