import addressparser from 'nodemailer/lib/addressparser/index.js';
import { baseAddress } from '../domain/machine-address.ts';
import type { Config } from './schema.ts';

/**
 * Every address the daemon itself speaks for, lower-cased and without `+detail`: mailbox addresses and their
 * aliases, their `from`, and all supervisors. Test membership with isOwnAddress.
 */
export function ownAddresses(config: Pick<Config, 'mailboxes' | 'vacancies'>): Set<string> {
  const own = new Set<string>();
  for (const mailbox of config.mailboxes) {
    own.add(baseAddress(mailbox.address));
    for (const alias of mailbox.aliases ?? []) own.add(baseAddress(alias));
    for (const parsed of addressparser(mailbox.from, { flatten: true })) {
      if (parsed.address) own.add(baseAddress(parsed.address));
    }
  }
  for (const vacancy of config.vacancies) {
    for (const supervisor of vacancy.supervisors) own.add(baseAddress(supervisor));
  }
  return own;
}

/** Whether `address` is one of `own`, or a `+detail` form of one (`chen+loop@uni.example` is chen's). Pure. */
export function isOwnAddress(own: ReadonlySet<string>, address: string): boolean {
  return own.has(address.toLowerCase()) || own.has(baseAddress(address));
}
