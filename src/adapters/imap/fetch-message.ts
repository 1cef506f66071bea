import type { ImapFlow } from 'imapflow';
import { parseMessage } from '../../mail/parse-message.ts';
import type { FetchedMessage } from '../../ports/mailbox-gateway.ts';

/**
 * Fetches and parses one message from the selected folder. Streams the source into the parser; a message over
 * `maxMessageBytes` is read from its headers only. `stale`: the folder's UIDVALIDITY changed; `gone`: no such UID.
 */
export async function fetchMessage(
  client: ImapFlow,
  where: { uidValidity: string; uid: number },
  limits: { maxMessageBytes: number; maxAttachments: number },
): Promise<FetchedMessage> {
  if (client.mailbox === false || String(client.mailbox.uidValidity) !== where.uidValidity)
    return { status: 'stale' };
  const uid = String(where.uid);
  const query = { uid: true, size: true, internalDate: true } as const;
  let meta = await client.fetchOne(uid, query, { uid: true });
  if (meta === false) {
    // A session only sees messages the server has announced to it: a UID that arrived since this connection's
    // last command is invisible until a NOOP brings the EXISTS. Only then is an empty answer really "gone".
    await client.noop();
    meta = await client.fetchOne(uid, query, { uid: true });
  }
  if (meta === false || meta.uid !== where.uid) return { status: 'gone' };
  const size = meta.size ?? 0;
  const receivedAt = toIso(meta.internalDate);
  if (size > limits.maxMessageBytes) {
    const headers = await client.fetchOne(uid, { uid: true, headers: true }, { uid: true });
    if (headers === false || !headers.headers) return { status: 'gone' };
    const parsed = await parseMessage(headers.headers, limits, { headersOnly: true });
    return { status: 'ok', parsed, size, receivedAt };
  }
  // In one FETCH: imapflow's default is 64 KB a round trip, which is hundreds of them for a thesis.
  const chunkSize = Math.max(64 * 1024, size + 4096);
  const download = await client.download(uid, undefined, {
    uid: true,
    maxBytes: limits.maxMessageBytes,
    chunkSize,
  });
  if (!download.content) return { status: 'gone' };
  const parsed = await parseMessage(download.content, limits);
  return { status: 'ok', parsed, size, receivedAt };
}

function toIso(value: Date | string | undefined): string {
  const date = value === undefined ? new Date() : new Date(value);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}
