import { availableParallelism } from 'node:os';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import type { ExtractedText } from '../../../src/documents/extraction.ts';
import { BACKLOG_FOLDER } from '../backlog/load-backlog.ts';
import { progress } from '../measure.ts';
import { PARSER_OPTIONS } from '../../../src/mail/parser-options.ts';
import { endedChildrenCpuSeconds, ownCpuSeconds } from './cpu-seconds.ts';

/** The configuration schema's defaults: what the daemon runs with unless told otherwise. */
export const DEFAULT_EXTRACTION: ExtractionConfig = {
  timeoutSeconds: 30,
  maxBytes: 40 * 1024 * 1024,
  maxPages: 300,
  maxTextChars: 2_000_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  memoryMb: 512,
  threads: 0,
};
/** limits.maxMessageBytes's default: a larger message is read from its headers only, by the daemon and here. */
export const DEFAULT_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

/** What the floor run did and how long it took. */
export interface FloorResult {
  messages: number;
  /** Messages over the size limit, read from their headers only (as the daemon does). */
  headersOnly: number;
  attachments: number;
  /** Pages of the documents whose reader knows them (PDF). */
  pages: number;
  /** Attachments by extraction status (all `ok` is expected). */
  statuses: Record<string, number>;
  bytes: number;
  ms: number;
  threads: number;
  /** CPU seconds of the run: this process and its reading processes (null where /proc is missing). */
  cpuSeconds: number | null;
  /** Of which this process's own (fetching and parsing). */
  mainCpuSeconds: number;
}

const FETCH_BATCH = 200;

/**
 * The least this work can take on this machine, with no queue and no Redis: one connection fetches every message
 * of the backlog (BODY.PEEK, in batches of 200), parses it, and extracts every attachment's text in worker
 * threads (one per core) while it fetches the next — at most two documents per thread in flight.
 */
export async function measureFloor(
  server: { host: string; port: number },
  auth: { user: string; pass: string },
): Promise<FloorResult> {
  const client = new ImapFlow({ ...server, secure: false, auth, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  const threads = availableParallelism();
  const pool = new ExtractionPool(DEFAULT_EXTRACTION);
  const result: FloorResult = {
    messages: 0,
    headersOnly: 0,
    attachments: 0,
    pages: 0,
    statuses: {},
    bytes: 0,
    ms: 0,
    threads,
    cpuSeconds: null,
    mainCpuSeconds: 0,
  };
  const inFlight = new Set<Promise<void>>();
  const record = (extraction: ExtractedText): void => {
    result.statuses[extraction.status] = (result.statuses[extraction.status] ?? 0) + 1;
    result.pages += extraction.pages ?? 0;
  };
  const started = performance.now();
  const cpuBefore = { own: ownCpuSeconds(), children: endedChildrenCpuSeconds() };
  try {
    const lock = await client.getMailboxLock(BACKLOG_FOLDER, { readOnly: true });
    try {
      const total = client.mailbox === false ? 0 : client.mailbox.exists;
      for (let first = 1; first <= total; first += FETCH_BATCH) {
        const range = `${first}:${Math.min(total, first + FETCH_BATCH - 1)}`;
        for await (const message of client.fetch(range, { source: true })) {
          const source = message.source ?? Buffer.alloc(0);
          result.messages += 1;
          result.bytes += source.length;
          if (source.length > DEFAULT_MAX_MESSAGE_BYTES) {
            result.headersOnly += 1;
            continue;
          }
          const mail = await simpleParser(source, PARSER_OPTIONS);
          for (const attachment of mail.attachments) {
            while (inFlight.size >= 2 * threads) await Promise.race(inFlight);
            result.attachments += 1;
            const hint = { filename: attachment.filename ?? null, contentType: attachment.contentType };
            const task: Promise<void> = pool
              .extract(attachment.content, hint)
              .then(record)
              .finally(() => inFlight.delete(task));
            inFlight.add(task);
          }
        }
        progress(`floor: ${result.messages} of ${total} messages fetched and parsed`);
      }
      await Promise.all(inFlight);
    } finally {
      lock.release();
    }
    result.ms = performance.now() - started;
  } finally {
    await pool.close();
    await client.logout().catch(() => client.close());
  }
  // Closing the pool ends its reading processes, whose CPU time is then their parent's (cutime, cstime).
  const children = endedChildrenCpuSeconds();
  result.mainCpuSeconds = ownCpuSeconds() - cpuBefore.own;
  result.cpuSeconds =
    children === null || cpuBefore.children === null
      ? null
      : ownCpuSeconds() - cpuBefore.own + children - cpuBefore.children;
  return result;
}
