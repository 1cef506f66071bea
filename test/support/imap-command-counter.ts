import { startLoopbackProxy } from './loopback-proxy.ts';

/** A loopback TCP proxy in front of the IMAP server that counts the commands its clients send. */
export interface ImapCommandCounter {
  port: number;
  /** Commands seen so far by name (`UID FETCH`, `IDLE`, `DONE`…). */
  counts(): Record<string, number>;
  /** When each command of this name was seen (Date.now()), in order. */
  times(name: string): readonly number[];
  close(): Promise<void>;
}

// A tagged command line (`12 UID FETCH …`), or the untagged DONE that ends an IDLE.
const COMMAND = /^(?:\S+ (UID [A-Za-z]+|[A-Za-z]+)|(DONE))(?: |$)/;
// Lines this long are literal data (a message being appended), not commands.
const MAX_COMMAND_LINE = 2000;

/** Starts the proxy on a free port; everything is passed on unchanged in both directions. */
export async function startImapCommandCounter(server: {
  host: string;
  port: number;
}): Promise<ImapCommandCounter> {
  const counts: Record<string, number> = {};
  const times = new Map<string, number[]>();
  const proxy = await startLoopbackProxy(server, (client) => {
    let pending = '';
    client.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('latin1')).split('\r\n');
      pending = (lines.pop() ?? '').slice(0, MAX_COMMAND_LINE);
      for (const line of lines) {
        if (line.length > MAX_COMMAND_LINE) continue;
        const match = COMMAND.exec(line);
        const name = (match?.[1] ?? match?.[2])?.toUpperCase();
        if (name === undefined) continue;
        counts[name] = (counts[name] ?? 0) + 1;
        const seen = times.get(name) ?? [];
        seen.push(Date.now());
        times.set(name, seen);
      }
    });
  });
  return {
    port: proxy.port,
    counts: () => ({ ...counts }),
    times: (name) => [...(times.get(name) ?? [])],
    close: () => proxy.close(),
  };
}

/** The commands counted between two readings. */
export function countsSince(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([name, count]): [string, number] => [name, count - (before[name] ?? 0)])
      .filter(([, count]) => count > 0),
  );
}
