/** A periodic check, stopped with `stop` (which waits for a run under way). */
export interface Periodic {
  stop(): Promise<void>;
}

/**
 * Runs `work` every `ms` (the next run is timed from the end of the last, so runs never overlap); a failed run is
 * handed to `failed` and the next one comes all the same. The timer does not keep the process alive.
 */
export function runEvery(ms: number, work: () => Promise<void>, failed: (error: unknown) => void): Periodic {
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = () => {
    timer = setTimeout(() => {
      running = work()
        .catch(failed)
        .finally(() => {
          if (!stopped) schedule();
        });
    }, ms);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
  };
}
