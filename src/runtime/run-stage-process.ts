import { parseArgs } from 'node:util';
import { stopQueueWorkers } from '../adapters/queues/start-queue-worker.ts';
import { loadConfig, resolveConfigPath } from '../config/load-config.ts';
import { isTriageError } from '../errors/triage-error.ts';
import { createLogger } from '../logging/create-logger.ts';
import { openStageServices } from './stage-services.ts';
import { startStageWorker, type StageName } from './stage-workers.ts';

/**
 * Runs the workers of one stage as a process of its own (`node workers/<stage>.worker.ts [--config FILE]`), for
 * an operator who wants more of one stage on another host against the same Redis. Watching and digest schedules
 * stay with `triage start`. Stops on SIGTERM or SIGINT after in-flight jobs finish (`workers.shutdownSeconds`).
 */
export async function runStageProcess(stage: StageName, args = process.argv.slice(2)): Promise<void> {
  try {
    const { values } = parseArgs({ args, options: { config: { type: 'string', short: 'c' } } });
    const config = await loadConfig(resolveConfigPath(values.config));
    const logger = createLogger(config.log.level).child({ stage, pid: process.pid });
    const services = await openStageServices(config, logger);
    const worker = startStageWorker(stage, services);
    logger.info('stage worker started');
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      logger.info({ signal }, 'shutdown requested');
      stopQueueWorkers([worker], config.workers.shutdownSeconds, logger)
        .then(() => services.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(isTriageError(error, 'config-invalid', 'config-missing') ? 2 : 1);
  }
}
