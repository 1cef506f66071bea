import { describe, expect, it } from 'vitest';
import { isMailboxAddress } from '../../../src/domain/mailbox-address.ts';

describe('isMailboxAddress', () => {
  it.each([
    'jane.doe@example.org',
    'jane+phd@uni.example',
    "o'brien@example.ie",
    'josé.núñez@correo.es',
    '用户@例子.广告',
    'a@b',
  ])('a mailbox: %s', (address) => {
    expect(isMailboxAddress(address)).toBe(true);
  });

  it.each([
    ['a malformed header read as one address', '"g a@b, c@d, <e"@f>'],
    ['a quoted local part', '"john smith"@example.org'],
    ['no local part', '@example.org'],
    ['no domain', 'jane@'],
    ['a leading dot', '.jane@example.org'],
    ['two dots', 'jane..doe@example.org'],
    ['a space', 'jane doe@example.org'],
    ['a control character', 'jane\u0000@example.org'],
    ['a comma', 'jane,bcc@example.org'],
    ['an address literal', 'jane@[192.0.2.1]'],
    ['a trailing dot in the domain', 'jane@example.org.'],
    ['a 65-character local part', `${'a'.repeat(65)}@example.org`],
  ])('not a mailbox: %s', (_case, address) => {
    expect(isMailboxAddress(address)).toBe(false);
  });
});
