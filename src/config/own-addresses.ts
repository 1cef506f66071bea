import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { Config } from './schema.ts';

/** Every address the daemon itself speaks for: mailbox addresses, their `from`, and all supervisors. */
export function ownAddresses(config: Pick<Config, 'mailboxes' | 'vacancies'>): Set<string> {
  const own = new Set<string>();
  for (const mailbox of config.mailboxes) {
    own.add(mailbox.address.toLowerCase());
    for (const parsed of addressparser(mailbox.from, { flatten: true })) {
      if (parsed.address) own.add(parsed.address.toLowerCase());
    }
  }
  for (const vacancy of config.vacancies) for (const supervisor of vacancy.supervisors) own.add(supervisor);
  return own;
}
