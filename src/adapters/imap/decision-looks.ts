import type { Logger } from '../../logging/create-logger.ts';

/** Looks for decisions running while a watcher watches; `stop` ends them and waits for a look in progress. */
export interface DecisionLooks {
  stop(): Promise<void>;
}

/**
 * Runs `look` now and then every `intervalMs`, one at a time (a look still running when the next is due skips it).
 * A failed look is logged and tried again at the next interval: watching goes on.
 */
export function startDecisionLooks(
  look: () => Promise<unknown>,
  intervalMs: number,
  logger: Logger,
): DecisionLooks {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = look()
      .then(
        () => undefined,
        (error: unknown) => logger.warn({ err: error }, 'looking for decisions failed'),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
