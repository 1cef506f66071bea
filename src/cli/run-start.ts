import { loadConfig, resolveConfigPath } from '../config/load-config.ts';
import { isTriageError } from '../errors/triage-error.ts';
import { createLogger, type Logger } from '../logging/create-logger.ts';
import { startDaemon } from '../daemon/start-daemon.ts';
import { hasYoungGenerationFlag, YOUNG_GENERATION_FLAG } from './node-flags.ts';

/** The same signal again within this time is an echo of the first, not a second request. */
const REPEAT_MS = 1000;

/**
 * `triage start`: runs the daemon until SIGTERM or SIGINT, then drains and exits 0 (a second signal exits 130 at
 * once, unless it is the first one repeated within a second). The signal handlers come first, before anything
 * connects, so a stop during start-up — say while Redis is still awaited — is a clean exit too. A start that
 * fails is one JSON line at `fatal` and exit 1 (2 for a bad configuration, which is reported before logging
 * starts).
 */
export async function runStart(configOption: string | undefined): Promise<void> {
  const shutdown = new AbortController();
  let logger: Logger | null = null;
  let requestedBy: string | null = null;
  let requestedAt = 0;
  const onSignal = (signal: string) => {
    if (requestedBy !== null) {
      // A terminal's Ctrl-C reaches the whole process group and npm forwards it to its child as well, so the
      // daemon under `npm start` gets the same SIGINT twice within milliseconds.
      if (signal === requestedBy && Date.now() - requestedAt < REPEAT_MS) return;
      process.exit(130);
    }
    requestedBy = signal;
    requestedAt = Date.now();
    logger?.info({ signal }, 'shutdown requested');
    shutdown.abort();
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));

  const config = await loadConfig(resolveConfigPath(configOption));
  const log = createLogger(config.log.level);
  logger = log;
  if (requestedBy !== null) log.info({ signal: requestedBy }, 'shutdown requested');
  if (!hasYoungGenerationFlag(process.execArgv))
    log.warn(
      { flag: YOUNG_GENERATION_FLAG },
      'node was started without the young-generation flag: expect about 90 MB more memory at the peak',
    );
  let daemon;
  try {
    daemon = await startDaemon(config, log, shutdown.signal);
  } catch (error) {
    const code = isTriageError(error) ? error.code : 'internal';
    const reason = error instanceof Error ? error.message : String(error);
    log.fatal({ code, reason }, 'daemon could not start');
    process.exit(isTriageError(error, 'config-invalid', 'config-missing', 'data-key') ? 2 : 1);
  }
  if (!shutdown.signal.aborted) {
    await new Promise((resolve) => shutdown.signal.addEventListener('abort', resolve, { once: true }));
  }
  try {
    await daemon.stop();
    process.exit(0);
  } catch (error) {
    log.error({ reason: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
    process.exit(1);
  }
}
