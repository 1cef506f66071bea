import type { FetchMessageObject, ImapFlow, MessageAddressObject } from 'imapflow';
import type { MailboxConfig } from '../../config/schema.ts';
import { LOOP_MARKER_HEADER } from '../../domain/loop-marker.ts';
import { baseAddress } from '../../domain/machine-address.ts';
import { isMailboxAddress } from '../../domain/mailbox-address.ts';
import { isTriageError } from '../../errors/triage-error.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MailboxLogins } from '../oauth/mailbox-logins.ts';
import type { ConnectionSlotSource } from '../redis/connection-slots.ts';
import type { SentCursor } from '../redis/sent-recipients-store.ts';
import { connectImap } from './connect-imap.ts';
import { parseImapError } from './parse-imap-error.ts';
import { searched } from './search-current.ts';

/** UIDs per FETCH: a large Sent folder is read in steps, each saved before the next. */
export const SENT_BATCH_SIZE = 500;

const SKIP_HEADERS = [LOOP_MARKER_HEADER, 'auto-submitted'];

/** The recipients of one batch of Sent messages, and the cursor that covers them. */
export interface SentBatch {
  cursor: SentCursor;
  /** Lower-cased, without `+detail`, each once. */
  addresses: string[];
}

/** What one read of a Sent folder found. */
export interface SentRead {
  folder: string;
  /** Where the next read starts (after every message read now). */
  cursor: SentCursor;
  /** Every recipient read now, lower-cased, without `+detail`, each once. */
  addresses: string[];
  /** Messages read; those skipped as automatic (our replies, Auto-Submitted) are counted in `automatic`. */
  messages: number;
  automatic: number;
}

/** How a read goes: each batch is handed to `save` before the next is fetched; `signal` stops between batches. */
export interface SentReadOptions {
  batchSize?: number;
  save?: (batch: SentBatch) => Promise<void>;
  signal?: AbortSignal;
}

/** The mailbox's Sent folder: the one with special use \Sent, else one named "Sent" (or "Sent Items"…); or null. */
export async function findSentFolder(client: ImapFlow): Promise<string | null> {
  const folders = await client.list();
  return (
    folders.find((folder) => folder.specialUse === '\\Sent')?.path ??
    folders.find((folder) => /^(inbox[./])?sent( items| messages)?$/i.test(folder.path))?.path ??
    null
  );
}

/**
 * Reads the To, Cc and Bcc (from the ENVELOPE) of the Sent folder's messages above `after`, read-only, in batches;
 * messages carrying our loop marker or an `Auto-Submitted` other than `no` (our own replies saved there) are
 * skipped. A changed UIDVALIDITY starts again from the first message. Null when the mailbox has no Sent folder.
 */
export async function readSentRecipients(
  client: ImapFlow,
  after: SentCursor | null,
  options: SentReadOptions = {},
): Promise<SentRead | null> {
  const folder = await imap('listing folders', () => findSentFolder(client));
  if (folder === null) return null;
  let lock;
  try {
    lock = await imap(`Sent folder ${folder}`, () => client.getMailboxLock(folder, { readOnly: true }));
  } catch (error) {
    // Deleted since the listing: no Sent folder now.
    if (isTriageError(error, 'imap-mailbox-missing')) return null;
    throw error;
  }
  try {
    if (client.mailbox === false) return null;
    const uidValidity = String(client.mailbox.uidValidity);
    const from = after?.uidValidity === uidValidity ? after.uid : 0;
    const read: SentRead = {
      folder,
      cursor: { uidValidity, uid: from },
      addresses: [],
      messages: 0,
      automatic: 0,
    };
    if (client.mailbox.uidNext - 1 <= from) return read;
    const found = await imap(`Sent folder ${folder}`, () =>
      client.search({ uid: `${from + 1}:*` }, { uid: true }),
    );
    const uids = searched(found)
      .filter((uid) => uid > from)
      .sort((a, b) => a - b);
    await readBatches(client, uids, read, options);
    return read;
  } finally {
    lock.release();
  }
}

async function readBatches(
  client: ImapFlow,
  uids: readonly number[],
  read: SentRead,
  options: SentReadOptions,
): Promise<void> {
  const size = options.batchSize ?? SENT_BATCH_SIZE;
  const all = new Set<string>();
  for (let start = 0; start < uids.length && options.signal?.aborted !== true; start += size) {
    const batch = uids.slice(start, start + size);
    const range = `${batch[0]}:${batch.at(-1)}`;
    const messages = await imap(`Sent folder ${read.folder}`, () =>
      client.fetchAll(range, { uid: true, envelope: true, headers: SKIP_HEADERS }, { uid: true }),
    );
    const addresses = new Set<string>();
    for (const message of messages) {
      if (automatic(message.headers)) read.automatic += 1;
      else for (const address of recipients(message)) addresses.add(address);
    }
    read.messages += messages.length;
    read.cursor = { uidValidity: read.cursor.uidValidity, uid: batch.at(-1) ?? read.cursor.uid };
    await options.save?.({ cursor: read.cursor, addresses: [...addresses] });
    for (const address of addresses) all.add(address);
  }
  read.addresses = [...all];
}

/**
 * Opens a connection of its own for the mailbox (password or OAuth2, with an error listener), reads its Sent
 * folder as readSentRecipients does, and logs out.
 */
export async function readMailboxSentRecipients(
  mailbox: MailboxConfig,
  after: SentCursor | null,
  connection: {
    logins: MailboxLogins;
    logger: Logger;
    maxMessageBytes: number;
    slots?: ConnectionSlotSource;
  },
  options: SentReadOptions = {},
): Promise<SentRead | null> {
  const client = await connectImap(mailbox, connection.logger, {
    maxMessageBytes: connection.maxMessageBytes,
    purpose: 'sent',
    logins: connection.logins,
    slots: connection.slots,
  });
  try {
    return await readSentRecipients(client, after, options);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

// The IMAP server's errors as TriageErrors (a store's errors from `save` pass unchanged).
async function imap<T>(context: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw parseImapError(error, context);
  }
}

function recipients(message: FetchMessageObject): string[] {
  const envelope = message.envelope;
  const listed: MessageAddressObject[] = [
    ...(envelope?.to ?? []),
    ...(envelope?.cc ?? []),
    ...(envelope?.bcc ?? []),
  ];
  return listed
    .map((entry) => entry.address?.trim() ?? '')
    .filter((address) => isMailboxAddress(address))
    .map((address) => baseAddress(address));
}

// Our own replies (the loop marker) and any automatic message (Auto-Submitted, RFC 3834) say nothing about whom
// the mailbox's owner corresponds with: Gmail and Microsoft 365 save our SMTP replies to Sent themselves.
function automatic(headers: Buffer | undefined): boolean {
  if (headers === undefined) return false;
  const unfolded = headers.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (name === LOOP_MARKER_HEADER) return true;
    if (name === 'auto-submitted' && value.split(/[\s;(]/)[0] !== 'no') return true;
  }
  return false;
}
