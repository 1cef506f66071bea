import { pino } from 'pino';
import { createLogger, type Logger } from '../logging/create-logger.ts';

/**
 * The logger of a command other than `start`: stdout is kept for its answer, so warnings only, to stderr; `check`,
 * whose every line already says what failed and why, asks for fatal errors only.
 */
export function quietLogger(level: 'warn' | 'fatal' = 'warn'): Logger {
  return createLogger(level, pino.destination(2));
}
