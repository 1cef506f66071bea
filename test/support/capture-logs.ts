import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/create-logger.ts';

/** A real pino logger whose JSON lines are kept for assertions. */
export interface CapturedLogs {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
  /** The lines whose `msg` is `message`. */
  find(message: string): Array<Record<string, unknown>>;
}

/** Creates a logger that records every JSON line it writes. */
export function captureLogs(level = 'debug'): CapturedLogs {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const logger = createLogger(level, stream);
  return { logger, lines, find: (message) => lines.filter((line) => line.msg === message) };
}
