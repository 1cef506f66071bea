import type { MailboxConfig } from '../../config/schema.ts';
import { TriageError } from '../../errors/triage-error.ts';
import type { ParseLimits } from '../../mail/parse-message.ts';
import type { FetchedMessage } from '../../ports/mailbox-gateway.ts';
import { fetchMessage } from './fetch-message.ts';
import type { MailboxConnections } from './mailbox-connections.ts';
import { messageIdSearch, searchCurrent } from './search-current.ts';

/** Which message of the watched folder: its UID there, or its Message-ID. */
export type WatchedMessage = { uid: number } | { messageId: string };

/**
 * Fetches one message of a mailbox's watched folder (read only: \Seen is not set) by UID or by Message-ID, with
 * where it is (the folder's UIDVALIDITY and its UID); null when the folder holds no such message. A Message-ID that
 * cannot be searched for safely is an argument error.
 */
export async function fetchWatched(
  connections: MailboxConnections,
  mailbox: MailboxConfig,
  limits: ParseLimits & { maxMessageBytes: number },
  which: WatchedMessage,
): Promise<{ location: { uidValidity: string; uid: number }; fetched: FetchedMessage } | null> {
  const search = 'messageId' in which ? messageIdSearch(which.messageId) : null;
  if ('messageId' in which && search === null)
    throw new TriageError('input-invalid', `not a Message-ID that can be searched for: ${which.messageId}`);
  return connections.withFolder(mailbox.id, mailbox.watch, async (client) => {
    if (client.mailbox === false) return null;
    const uidValidity = String(client.mailbox.uidValidity);
    const [uid] = search === null ? ['uid' in which ? which.uid : 0] : await searchCurrent(client, search);
    if (uid === undefined) return null;
    const fetched = await fetchMessage(client, { uidValidity, uid }, limits);
    return fetched.status === 'ok' ? { location: { uidValidity, uid }, fetched } : null;
  });
}
