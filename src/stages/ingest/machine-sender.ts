import addressparser from 'nodemailer/lib/addressparser/index.js';
import { machineAddress, type MachineKind } from '../../domain/machine-address.ts';
import type { MessageFacts } from '../../mail/message-facts.ts';

// Where a message names who sent it, after From: old list servers add only `Sender: owner-…`, a resent message
// names its resender, and Return-Path is the envelope sender (RFC 3834, Dovecot's vacation).
const SENDER_HEADERS: ReadonlyMap<string, string> = new Map([
  ['sender', 'Sender'],
  ['resent-from', 'Resent-From'],
  ['return-path', 'Return-Path'],
]);
// A header value is read only this far, and only its first few addresses: these are one address each.
const MAX_VALUE_CHARACTERS = 1000;
const MAX_ADDRESSES = 3;

/**
 * The first of a message's senders — From, then Sender, Resent-From and Return-Path — that is a machine of `kind`
 * (see machineAddress), and what to call it (`sender x@y` for From, else the header's name); null when none is.
 * Addresses after From for which `relay` holds are passed over (a list's own, on the posts it delivers). Pure.
 */
export function machineSender(
  facts: Pick<MessageFacts, 'from' | 'headers'>,
  kind: MachineKind,
  relay: (address: string) => boolean = () => false,
): string | null {
  if (facts.from && machineAddress(facts.from.address) === kind) return `sender ${facts.from.address}`;
  for (const [header, name] of SENDER_HEADERS) {
    // A script that resends a person's mail (`Resent-From: nobody@`) forwards it: the author is still From. Only a
    // mailer-daemon resending says the message is a failure notice.
    if (header === 'resent-from' && kind === 'system') continue;
    for (const address of headerAddresses(facts, header)) {
      if (machineAddress(address) === kind && !relay(address)) return `${name} ${address}`;
    }
  }
  return null;
}

/**
 * The addresses in a message's `header` fields (lower-case name, e.g. `sender`), lower-cased: the first few of each
 * field, each field read only so far. Pure.
 */
export function headerAddresses(facts: Pick<MessageFacts, 'headers'>, header: string): string[] {
  return (facts.headers[header] ?? []).flatMap((value) =>
    addressparser(value.slice(0, MAX_VALUE_CHARACTERS), { flatten: true })
      .slice(0, MAX_ADDRESSES)
      .flatMap(({ address }) => (address && address.includes('@') ? [address.toLowerCase()] : [])),
  );
}
