import { pino } from 'pino';
import { createLogger, type Logger } from '../logging/create-logger.ts';

/** The logger of a command other than `start`: stdout is kept for its answer, so warnings only, to stderr. */
export function quietLogger(): Logger {
  return createLogger('warn', pino.destination(2));
}
