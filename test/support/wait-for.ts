import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs` with `what` in the
 * message. For waiting on behaviour across processes, not for asserting speed.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw new Error(
    `timed out waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}

/** The first candidate of `vacancy` once its first message is filed: the daemon has finished with it. */
export function waitForFiledCandidate<T extends { messages: readonly { filedTo: string | null }[] }>(
  store: { list(vacancies: string[]): Promise<T[]> },
  vacancy: string,
  timeoutMs = 60_000,
): Promise<T> {
  return waitFor(
    'the candidate, filed',
    async () => {
      const [record] = await store.list([vacancy]);
      return record?.messages[0]?.filedTo ? record : undefined;
    },
    timeoutMs,
  );
}

/**
 * The job `id` of `queue`, read once it has finished. The job's hash gets `finishedOn` and `returnvalue` in one
 * script, so a read that has the first has the second; asking `isCompleted()` after a read can see a job that
 * finished since, whose `returnvalue` that read lacks.
 */
export function waitForFinishedJob<J extends { finishedOn?: number }>(
  queue: { getJob(id: string): Promise<J | undefined> },
  id: string,
  what: string,
  timeoutMs?: number,
): Promise<J> {
  return waitFor(
    what,
    async () => {
      const found = await queue.getJob(id);
      return found?.finishedOn ? found : undefined;
    },
    timeoutMs,
  );
}
