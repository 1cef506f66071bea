import { baseAddress } from '../domain/machine-address.ts';
import { foldText } from '../profile/normalise-text.ts';
import type { Registration } from './read-registrations.ts';

/** Whether a candidate is on a registration form, how that was found, and the form row that says so. */
export type RegistrationMatch =
  | { registered: true; by: 'address' | 'name'; line: number; name: string | null; email: string | null }
  | { registered: false };

const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

/**
 * Whether a candidate registered: by address (case-insensitive, ignoring +detail and Gmail dots for
 * gmail.com/googlemail.com), else by name when the address differs (names compared after NFKD, diacritics and
 * case removed, word order ignored, at least two words on both sides; exactly one registrant, else not a name
 * match — rows with the same address are one registrant who sent the form twice). Pure.
 */
export function matchRegistration(
  rows: readonly Registration[],
  candidate: { email: string; name: string },
): RegistrationMatch {
  const address = comparableAddress(candidate.email);
  const byAddress = rows.find((row) => row.email !== null && comparableAddress(row.email) === address);
  if (byAddress !== undefined) return found('address', byAddress);
  const name = comparableName(candidate.name);
  if (name === null) return { registered: false };
  const byName = rows.filter((row) => row.name !== null && comparableName(row.name) === name);
  const [first] = byName;
  const registrants = new Set(
    byName.map((row) => (row.email === null ? `line ${row.line}` : comparableAddress(row.email))),
  );
  return first !== undefined && registrants.size === 1 ? found('name', first) : { registered: false };
}

function found(by: 'address' | 'name', row: Registration): RegistrationMatch {
  return { registered: true, by, line: row.line, name: row.name, email: row.email };
}

// `Jane.Doe+PhD@GoogleMail.com` → `janedoe@gmail.com`; other domains keep their dots.
function comparableAddress(address: string): string {
  const base = baseAddress(address);
  const at = base.lastIndexOf('@');
  const domain = base.slice(at + 1);
  if (at < 0 || !GMAIL_DOMAINS.has(domain)) return base;
  return `${base.slice(0, at).replace(/\./g, '')}@gmail.com`;
}

// "José  GARCÍA-López" → "garcia jose lopez": folded words in order; null under two words. An apostrophe
// joins ("O'Brien" → "obrien"), a hyphen separates.
function comparableName(name: string): string | null {
  const words = foldText(name)
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return words.length < 2 ? null : words.sort().join(' ');
}
