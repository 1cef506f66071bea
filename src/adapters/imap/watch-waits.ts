import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';

/** Resolves when the client closes or any of the signals aborts. */
export function closedOrAborted(client: ImapFlow, ...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const either = AbortSignal.any(signals);
    if (either.aborted) return resolve();
    const done = () => {
      client.off('close', done);
      either.removeEventListener('abort', done);
      resolve();
    };
    client.once('close', done);
    either.addEventListener('abort', done, { once: true });
  });
}

/** How long to wait after `failures` failures in a row: doubling from 1 s up to 60 s, with jitter. */
export function backoff(failures: number): number {
  const base = Math.min(1000 * 2 ** failures, 60_000);
  return base / 2 + Math.random() * (base / 2);
}

/** Waits `ms`, or less when `signal` aborts. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
