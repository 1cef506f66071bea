// RFC 5322 atext, plus the letters, digits and marks of internationalised addresses (RFC 6531).
const ATOM = "[\\p{L}\\p{N}\\p{M}!#$%&'*+\\-/=?^_`{|}~]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
const LABEL = '[\\p{L}\\p{N}\\p{M}](?:[\\p{L}\\p{N}\\p{M}-]{0,61}[\\p{L}\\p{N}\\p{M}])?';
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'u');

/**
 * Whether `address` is one plain mailbox, `local@domain` with a dot-atom local part (at most 64 characters) and a
 * host name (at most 253): the only addresses the daemon records as a sender or ever writes to. A quoted local
 * part, an address literal or anything a parser made of a malformed header (`"a@b, <c"@d>`) is none. Pure.
 */
export function isMailboxAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return local.length <= 64 && domain.length <= 253 && LOCAL_PART.test(local) && DOMAIN.test(domain);
}
