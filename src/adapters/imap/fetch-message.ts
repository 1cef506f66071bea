import { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import type { SpoolScope } from '../../mail/attachment-spool.ts';
import { parseMessage, parsePieces, type ParseLimits } from '../../mail/parse-message.ts';
import type { FetchedMessage } from '../../ports/mailbox-gateway.ts';

/**
 * A message is downloaded in pieces of this size (partial FETCH), each parsed before the next is asked for: a
 * message's source is never whole in memory, and imapflow gathers each piece from the socket before handing it
 * over. A message under it takes one FETCH, as before; the backlog's 35 MB messages take five.
 */
export const FETCH_PIECE_BYTES = 8 * 1024 * 1024;

/**
 * Fetches and parses one message from the selected folder: its size, arrival time, header and source up to
 * `maxMessageBytes`, the source in pieces of `pieceBytes` (FETCH_PIECE_BYTES). A message over the limit is read from
 * its header only. `stale`: the folder's UIDVALIDITY changed; `gone`: no such UID. With a `spool`, its large
 * attachments are decoded into the spool's files (released with the message).
 */
export async function fetchMessage(
  client: ImapFlow,
  where: { uidValidity: string; uid: number; size?: number | undefined },
  limits: ParseLimits & { maxMessageBytes: number },
  spool: SpoolScope | null = null,
  pieceBytes = FETCH_PIECE_BYTES,
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
    ...(overSize ? {} : { source: { start: 0, maxLength: Math.min(pieceBytes, limits.maxMessageBytes) } }),
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
    return { status: 'ok', parsed, size, receivedAt, release: () => Promise.resolve() };
  }
  if (!message.source) return { status: 'gone' };
  const first = message.source;
  const download = new PieceDownload(client, uid, size, pieceBytes);
  const source = first.length >= size ? first : download.stream(first);
  try {
    const parsed = await parseMessage(source, limits, spool === null ? {} : { spool });
    return { status: 'ok', parsed, size, receivedAt, release: () => spool?.release() ?? Promise.resolve() };
  } catch (error) {
    await spool?.release();
    // A piece that could not be fetched (the connection failed, the message went): that, not a broken message.
    if (download.failure === 'gone') return { status: 'gone' };
    throw download.failure ?? error;
  }
}

// The rest of a message's source, fetched piece by piece as the parser asks for more.
class PieceDownload {
  failure: unknown = null;
  readonly #client: ImapFlow;
  readonly #uid: string;
  readonly #size: number;
  readonly #pieceBytes: number;

  constructor(client: ImapFlow, uid: string, size: number, pieceBytes: number) {
    this.#client = client;
    this.#uid = uid;
    this.#size = size;
    this.#pieceBytes = pieceBytes;
  }

  stream(first: Buffer): Readable {
    return Readable.from(this.#pieces(first), { objectMode: false });
  }

  async *#pieces(first: Buffer): AsyncGenerator<Buffer> {
    yield* parsePieces(first);
    let fetched = first.length;
    while (fetched < this.#size) {
      let piece: Buffer | undefined;
      try {
        const query = { uid: true, source: { start: fetched, maxLength: this.#pieceBytes } };
        const message = await this.#client.fetchOne(this.#uid, query, { uid: true });
        piece = message === false ? undefined : message.source;
      } catch (error) {
        this.failure = error;
        throw error;
      }
      if (piece === undefined || piece.length === 0) {
        this.failure = 'gone';
        throw new Error('the message went while it was being fetched');
      }
      fetched += piece.length;
      yield* parsePieces(piece);
    }
  }
}

function toIso(value: Date | string | undefined): string {
  const date = value === undefined ? new Date() : new Date(value);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}
