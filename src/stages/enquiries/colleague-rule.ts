import type { EnquirersConfig } from '../../config/call-schema.ts';
import { baseAddress } from '../../domain/machine-address.ts';
import { organisationalDomain } from '../../mail/authentication-results.ts';

/** Why a sender is a colleague: which rule of `enquirers` said so, and its evidence (never the message body). */
export interface ColleagueVerdict {
  rule: 'deny-list' | 'sent-folder' | 'own-domain';
  detail: string;
}

/** What the colleague rules look at besides the sender. */
export interface ColleagueContext {
  mailbox: { address: string; aliases: readonly string[] };
  enquirers: EnquirersConfig;
  /** The mailbox has written to this address (its Sent folder). */
  inSent: boolean;
}

// Public mail services: sharing one with the mailbox says nothing about being a colleague (a supervisor on
// gmail.com would otherwise never answer an enquirer on gmail.com).
const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  '126.com',
  '163.com',
  'aol.com',
  'gmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hotmail.co.uk',
  'hotmail.com',
  'icloud.com',
  'live.com',
  'mac.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'naver.com',
  'outlook.com',
  'pm.me',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'sina.com',
  'web.de',
  'yahoo.co.uk',
  'yahoo.com',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
]);

/**
 * Why the sender is a colleague (never an enquirer), or null. In order: an `allow` entry (address or `@domain`,
 * which covers its subdomains) makes it no colleague; a `deny` entry makes it one; then, when enabled, the
 * mailbox having written to it (`inSent`), and its registrable domain being the mailbox's or an alias's (not
 * for public mail services). Addresses are compared lower-cased, without `+detail`. Pure.
 */
export function colleagueRule(address: string, context: ColleagueContext): ColleagueVerdict | null {
  const sender = baseAddress(address);
  const { enquirers } = context;
  if (listed(sender, enquirers.allow) !== null) return null;
  const denied = listed(sender, enquirers.deny);
  if (denied !== null) return { rule: 'deny-list', detail: `deny-list entry ${denied}` };
  if (enquirers.excludeSent && context.inSent)
    return { rule: 'sent-folder', detail: 'the mailbox has written to this address (Sent folder)' };
  if (enquirers.excludeOwnDomain) {
    const organisation = sharedOrganisation(sender, context.mailbox);
    if (organisation !== null)
      return { rule: 'own-domain', detail: `same organisation as the mailbox (${organisation})` };
  }
  return null;
}

// The first entry of `list` naming the address itself or its domain (or a parent domain of it), or null.
function listed(sender: string, list: readonly string[]): string | null {
  const domain = domainOf(sender);
  for (const entry of list) {
    const wanted = entry.trim().toLowerCase();
    if (wanted.startsWith('@')) {
      const listedDomain = wanted.slice(1);
      if (domain !== null && (domain === listedDomain || domain.endsWith(`.${listedDomain}`))) return entry;
    } else if (baseAddress(wanted) === sender) return entry;
  }
  return null;
}

// The registrable domain the sender shares with the mailbox's address or one of its aliases, or null.
function sharedOrganisation(sender: string, mailbox: ColleagueContext['mailbox']): string | null {
  const domain = domainOf(sender);
  if (domain === null) return null;
  const organisation = organisationalDomain(domain);
  if (PUBLIC_MAIL_DOMAINS.has(organisation)) return null;
  const own = [mailbox.address, ...mailbox.aliases].map((entry) => domainOf(baseAddress(entry)));
  return own.some((entry) => entry !== null && organisationalDomain(entry) === organisation)
    ? organisation
    : null;
}

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1).replace(/\.$/, '');
  return domain === '' ? null : domain;
}
