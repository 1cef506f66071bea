import type { ImapFlow } from 'imapflow';
import { parseMessage, type ParseLimits } from '../../mail/parse-message.ts';
import type { FetchedMessage } from '../../ports/mailbox-gateway.ts';

/**
 * Fetches and parses one message from the selected folder in one UID FETCH: its size, arrival time, header and
 * source up to `maxMessageBytes`. A message over the limit is read from its header only. `stale`: the folder's
 * UIDVALIDITY changed; `gone`: no such UID.
 */
export async function fetchMessage(
  client: ImapFlow,
  where: { uidValidity: string; uid: number; size?: number | undefined },
  limits: ParseLimits & { maxMessageBytes: number },
): Promise<FetchedMessage> {
  if (client.mailbox === false || String(client.mailbox.uidValidity) !== where.uidValidity)
    return { status: 'stale' };
  const uid = String(where.uid);
  // The header separately, so an over-size message needs no second round trip; it is a few KB beside the source.
  // A message the watcher already saw is over the limit is not downloaded at all.
  const overSize = where.size !== undefined && where.size > limits.maxMessageBytes;
  const query = {
    uid: true,
    size: true,
    internalDate: true,
    headers: true,
    ...(overSize ? {} : { source: { maxLength: limits.maxMessageBytes } }),
  };
  let message = await client.fetchOne(uid, query, { uid: true });
  if (message === false) {
    // A session only sees messages the server has announced to it: a UID that arrived since this connection's
    // last command is invisible until a NOOP brings the EXISTS. Only then is an empty answer really "gone".
    await client.noop();
    message = await client.fetchOne(uid, query, { uid: true });
  }
  if (message === false || message.uid !== where.uid) return { status: 'gone' };
  const size = message.size ?? 0;
  const receivedAt = toIso(message.internalDate);
  if (size > limits.maxMessageBytes) {
    if (!message.headers) return { status: 'gone' };
    const parsed = await parseMessage(message.headers, limits, { headersOnly: true });
    return { status: 'ok', parsed, size, receivedAt };
  }
  if (!message.source) return { status: 'gone' };
  const parsed = await parseMessage(message.source, limits);
  return { status: 'ok', parsed, size, receivedAt };
}

function toIso(value: Date | string | undefined): string {
  const date = value === undefined ? new Date() : new Date(value);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}
